package uk.gov.bristol.alp.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An authority's subscription to provider changes (docs/domain-rules.md, "Partner push"): where to post them, the
 * secret that signs them, and how far along the change feed it has been sent.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    public enum Status {
        ACTIVE,
        PAUSED
    }

    @Id
    public UUID id;

    /** The authority that owns it (its code, as in {@link Authority}). */
    public String authority;

    @Column(name = "callback_url")
    public String callbackUrl;

    public String description;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    /** The change feed's cursor after the last change turned into a delivery. */
    @Column(name = "feed_cursor")
    public String feedCursor;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A new secret signs from now on; the one it replaces goes on signing beside it until {@code oldValidUntil}. */
    public void rotate(String newSecret, OffsetDateTime oldValidUntil) {
        previousSecret = secret;
        previousSecretUntil = oldValidUntil;
        secret = newSecret;
    }

    /** The secrets that sign a request sent at {@code now}: the current one first. */
    public List<String> signingSecrets(OffsetDateTime now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
