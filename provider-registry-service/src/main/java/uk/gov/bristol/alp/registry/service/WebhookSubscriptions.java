package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.config.RegistryConfig;
import uk.gov.bristol.alp.registry.domain.WebhookDelivery;
import uk.gov.bristol.alp.registry.domain.WebhookSignature;
import uk.gov.bristol.alp.registry.domain.WebhookSubscription;

/**
 * Partner push subscriptions (docs/domain-rules.md, "Partner push"): an authority's client subscribes a callback to
 * provider changes, pauses and resumes it, rotates its secret, replays from a cursor and reads its delivery log. Each
 * authority reaches only its own subscriptions; auditors read them all. The secret is shown once, when it is made.
 */
@ApplicationScoped
public class WebhookSubscriptions {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final int MAX_URL = 2000;

    private final ActingAuthority acting;
    private final ChangeFeed feed;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final RegistryConfig.Webhooks config;

    public WebhookSubscriptions(
            ActingAuthority acting,
            ChangeFeed feed,
            Caller caller,
            AuditLog audit,
            Clock clock,
            RegistryConfig config) {
        this.acting = acting;
        this.feed = feed;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.config = config.webhooks();
    }

    /** A subscription with its secret in clear: only the answers that make a secret carry it. */
    public record WithSecret(WebhookSubscription subscription, String secret) {}

    /** Subscribes from {@code after} (a change feed cursor), or from now when none is given. */
    @Transactional
    public WithSecret subscribe(String callbackUrl, String description, String after) {
        requireCallback(callbackUrl);
        if (after != null) {
            feed.requireCursor("after", after);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.authority = acting.current().code();
        s.callbackUrl = callbackUrl;
        s.description = description;
        s.status = WebhookSubscription.Status.ACTIVE;
        s.secret = WebhookSignature.newSecret();
        s.feedCursor = after == null ? feed.now() : after;
        s.createdBy = caller.username();
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        audit.record(AuditLog.Action.CREATE, "webhook-subscription", s.id, "callback " + callbackUrl);
        return new WithSecret(s, s.secret);
    }

    @Transactional
    public Page<WebhookSubscription> list(int page, int size) {
        Criteria criteria = scope(new Criteria());
        return Page.of(
                WebhookSubscription.<WebhookSubscription>find(
                        criteria.orderedBy("createdAt, id"), criteria.parameters()),
                page,
                size);
    }

    @Transactional
    public WebhookSubscription read(UUID id) {
        return own(id, LockModeType.NONE);
    }

    /** Changes where it posts, what it says of itself, or pauses ({@code PAUSED}) and resumes ({@code ACTIVE}). */
    @Transactional
    public WebhookSubscription update(
            UUID id, String callbackUrl, String description, WebhookSubscription.Status status) {
        WebhookSubscription s = own(id, LockModeType.PESSIMISTIC_WRITE);
        if (callbackUrl != null) {
            requireCallback(callbackUrl);
            s.callbackUrl = callbackUrl;
        }
        if (description != null) {
            s.description = description;
        }
        if (status != null) {
            s.status = status;
        }
        s.updatedAt = OffsetDateTime.now(clock);
        audit.record(
                AuditLog.Action.UPDATE, "webhook-subscription", s.id, "callback " + s.callbackUrl + ", " + s.status);
        return s;
    }

    /** A new secret; the old one goes on signing beside it for {@code alp.registry.webhooks.secret-overlap}. */
    @Transactional
    public WithSecret rotateSecret(UUID id) {
        WebhookSubscription s = own(id, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        s.rotate(WebhookSignature.newSecret(), now.plus(config.secretOverlap()));
        s.updatedAt = now;
        audit.record(
                AuditLog.Action.UPDATE,
                "webhook-subscription",
                s.id,
                "secret rotated; the previous one signs too until " + s.previousSecretUntil);
        return new WithSecret(s, s.secret);
    }

    /**
     * Sends again every provider changed after {@code after} (a cursor from an earlier delivery or the change feed;
     * none: from the start), each at its state now. Deliveries still waiting are sent as well: nothing is dropped.
     */
    @Transactional
    public WebhookSubscription replay(UUID id, String after) {
        feed.requireCursor("after", after);
        WebhookSubscription s = own(id, LockModeType.PESSIMISTIC_WRITE);
        s.feedCursor = after == null ? ChangeFeed.FROM_START : after;
        s.updatedAt = OffsetDateTime.now(clock);
        audit.record(
                AuditLog.Action.UPDATE,
                "webhook-subscription",
                s.id,
                "replay from " + (after == null ? "the start" : after));
        return s;
    }

    @Transactional
    public void unsubscribe(UUID id) {
        WebhookSubscription s = own(id, LockModeType.PESSIMISTIC_WRITE);
        s.delete();
        audit.record(AuditLog.Action.DELETE, "webhook-subscription", s.id, "callback " + s.callbackUrl);
    }

    /** The delivery log, newest first. */
    @Transactional
    public Page<WebhookDelivery> deliveries(
            UUID id, WebhookDelivery.Status status, UUID providerId, int page, int size) {
        own(id, LockModeType.NONE);
        Criteria criteria = new Criteria()
                .equal("subscriptionId", id)
                .equal("status", status)
                .equal("providerId", providerId);
        return Page.of(
                WebhookDelivery.<WebhookDelivery>find(criteria.orderedBy("seq desc"), criteria.parameters()),
                page,
                size);
    }

    /** One delivery of the subscription, or null. */
    @Transactional
    public WebhookDelivery delivery(UUID id, UUID deliveryId) {
        own(id, LockModeType.NONE);
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        return d == null || !d.subscriptionId.equals(id) ? null : d;
    }

    /** The caller's authority's subscription; an auditor reads (never changes) any authority's. */
    private WebhookSubscription own(UUID id, LockModeType lock) {
        WebhookSubscription s = WebhookSubscription.findById(id, lock);
        boolean auditorReading = lock == LockModeType.NONE && caller.hasRole(Roles.AUDITOR);
        if (s == null || !(auditorReading || s.authority.equals(acting.current().code()))) {
            throw ProblemException.notFound("webhook subscription", id);
        }
        return s;
    }

    private Criteria scope(Criteria criteria) {
        return caller.hasRole(Roles.AUDITOR)
                ? criteria
                : criteria.equal("authority", acting.current().code());
    }

    /** HTTPS, absolute, with a host, no credentials or fragment; plain HTTP only to this machine when allowed. */
    private void requireCallback(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("callbackUrl", "url", "not a URL: " + e.getReason());
        }
        if (url.length() > MAX_URL || !uri.isAbsolute() || uri.getHost() == null) {
            throw ProblemException.invalid(
                    "callbackUrl", "url", "an absolute URL with a host, at most " + MAX_URL + " characters");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw ProblemException.invalid("callbackUrl", "url", "no user name, password or fragment in the URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopbackHttp = scheme.equals("http")
                && config.allowLoopbackHttp()
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !loopbackHttp) {
            throw ProblemException.invalid("callbackUrl", "https", "the callback must be an https URL");
        }
    }
}
