package uk.gov.bristol.alp.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One provider change to post to one subscription, with the body as sent and how its tries went: the delivery log.
 * Retried with a doubling wait until the partner takes it (any 2xx) or the retry window from the first try ends.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    public enum Status {
        PENDING,
        SENDING,
        DELIVERED,
        FAILED
    }

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "provider_version")
    public long providerVersion;

    @Column(name = "feed_cursor")
    public String feedCursor;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "first_attempt_at")
    public OffsetDateTime firstAttemptAt;

    @Column(name = "sending_since")
    public OffsetDateTime sendingSince;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The partner took it. */
    public void delivered(int statusCode, OffsetDateTime now) {
        status = Status.DELIVERED;
        lastStatusCode = statusCode;
        lastError = null;
        finishedAt = now;
        sendingSince = null;
    }

    /**
     * A try failed ({@code statusCode} null when no answer came): tried again after {@code base} doubling per try up
     * to {@code max}, or given up once {@code retryFor} has passed since the first try.
     */
    public void failed(
            Integer statusCode, String error, OffsetDateTime now, Duration base, Duration max, Duration retryFor) {
        lastStatusCode = statusCode;
        lastError = error;
        sendingSince = null;
        if (!now.isBefore(firstAttemptAt.plus(retryFor))) {
            status = Status.FAILED;
            finishedAt = now;
            return;
        }
        status = Status.PENDING;
        nextAttemptAt = now.plus(backoff(attempts, base, max));
    }

    /** The wait after the {@code attempts}-th try: {@code base}, doubling each try, never more than {@code max}. */
    static Duration backoff(int attempts, Duration base, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
