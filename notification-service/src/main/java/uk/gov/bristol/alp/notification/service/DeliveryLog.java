package uk.gov.bristol.alp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.notification.domain.Audience;
import uk.gov.bristol.alp.notification.domain.DeliveryStatus;
import uk.gov.bristol.alp.notification.domain.Notification;
import uk.gov.bristol.alp.notification.domain.Recipient;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;

/** The delivery log: what was sent to whom, when, after how many tries, and what failed; within the caller's scope. */
@ApplicationScoped
public class DeliveryLog {
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public DeliveryLog(Caller caller, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** A filter of the log; every field optional. */
    public record Filter(
            DeliveryStatus status,
            Audience audience,
            String recipientKey,
            String eventType,
            String reference,
            OffsetDateTime from,
            OffsetDateTime to) {}

    @Transactional
    public Page<Notification> list(Filter f, int page, int size) {
        NotificationScope scope = NotificationScope.of(caller);
        Criteria criteria = new Criteria()
                .equal("status", f.status())
                .equal("audience", f.audience())
                .equal("recipientKey", f.recipientKey())
                .equal("eventType", f.eventType())
                .equal("reference", f.reference())
                .when(f.from(), "createdAt >= :from", "from")
                .when(f.to(), "createdAt < :to", "to");
        scope.condition("recipientKey").ifPresent(c -> criteria.always(c, scope.parameters()));
        return Page.of(Notification.find(criteria.orderedBy("createdAt desc, id"), criteria.parameters()), page, size);
    }

    @Transactional
    public Notification read(UUID id) {
        return visible(id);
    }

    /** Another try for a failed, uncertain or unaddressed notification, to the address registered now. Audited. */
    @Transactional
    public Notification resend(UUID id) {
        Notification n = visible(id);
        if (!NotificationScope.of(caller).mayManage(n.audience, n.recipientKey)) {
            throw ProblemException.notFound("notification", id);
        }
        // The address registered now (it may have changed since), else the one tried before.
        String email =
                Recipient.of(n.audience, n.recipientKey).map(r -> r.email).orElse(n.email);
        n.resend(email, caller.username(), OffsetDateTime.now(clock));
        audit.record(AuditLog.Action.UPDATE, "notification", id, "resend to " + email);
        return n;
    }

    private Notification visible(UUID id) {
        return Notification.<Notification>findByIdOptional(id)
                .filter(n -> NotificationScope.of(caller).covers(n.audience, n.recipientKey))
                .orElseThrow(() -> ProblemException.notFound("notification", id));
    }
}
