package uk.gov.bristol.alp.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.platform.problem.ProblemException;

/** One notification to one recipient for one occurrence (or one daily digest), as the delivery log shows it. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    private static final Set<DeliveryStatus> RESENDABLE =
            EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.UNCERTAIN, DeliveryStatus.NO_RECIPIENT);

    @Id
    public UUID id;

    /** The event that caused it; null for a digest. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    public String template;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    @Column(name = "recipient_key")
    public String recipientKey;

    /** The address it went (or goes) to; null while nobody is registered. */
    public String email;

    public boolean urgent;

    public String subject;

    public String body;

    /** The record it is about (a referral, placement, provider, commitment or budget id). */
    public String reference;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "sending_since")
    public OffsetDateTime sendingSince;

    @Column(name = "last_error")
    public String lastError;

    /** The digest that carried it, for one sent as a digest line. */
    @Column(name = "digest_id")
    public UUID digestId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "resent_by")
    public String resentBy;

    @Version
    public long version;

    /** The relay accepted it. */
    public void sent(OffsetDateTime now) {
        status = DeliveryStatus.SENT;
        sentAt = now;
        sendingSince = null;
        lastError = null;
    }

    /** The relay refused it or could not be reached: try again later, or give up after {@code maxAttempts}. */
    public void failed(String error, OffsetDateTime now, int maxAttempts, Duration base, Duration max) {
        attempts++;
        sendingSince = null;
        lastError = error;
        if (attempts >= maxAttempts) {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = null;
        } else {
            status = DeliveryStatus.PENDING;
            nextAttemptAt = now.plus(NotificationRules.retryAfter(attempts, base, max));
        }
    }

    /** An officer asks for another try (to the address registered now, for one that had none). */
    public void resend(String email, String by, OffsetDateTime now) {
        if (!RESENDABLE.contains(status)) {
            throw new ProblemException(NotificationRules.NOT_RESENDABLE, "this notification is " + status);
        }
        if (email == null) {
            throw new ProblemException(
                    NotificationRules.NOT_RESENDABLE,
                    "nobody is registered for " + audience + (recipientKey.isEmpty() ? "" : " " + recipientKey)
                            + ": register a recipient first");
        }
        this.email = email;
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        attempts = 0;
        resentBy = by;
    }
}
