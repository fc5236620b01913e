package uk.gov.bristol.alp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.notification.domain.Audience;
import uk.gov.bristol.alp.notification.domain.NotificationRules;
import uk.gov.bristol.alp.notification.domain.Preference;
import uk.gov.bristol.alp.notification.domain.Recipient;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.identifiers.Urn;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;

/** The register of who is told: each audience's address and preference, kept by those it belongs to. Audited. */
@ApplicationScoped
public class Recipients {
    private static final String RESOURCE = "notification-recipient";

    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public Recipients(Caller caller, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers or changes the address of an audience (and key). */
    @Transactional
    public Recipient register(Audience audience, String key, String email, Preference preference) {
        String stripped = key == null ? "" : key.strip();
        requireKeyFits(audience, stripped);
        // Events carry provider ids in their canonical (lower-case) form.
        String normalised =
                audience == Audience.PROVIDER ? UUID.fromString(stripped).toString() : stripped;
        if (!scope().mayManage(audience, normalised)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "you may register only your own school's, provider's or team's address",
                    List.of(new FieldError("audience", "ownAudience", "must be an audience you belong to")));
        }
        Recipient r = Recipient.of(audience, normalised).orElseGet(() -> {
            Recipient created = new Recipient();
            created.id = UUID.randomUUID();
            created.audience = audience;
            created.key = normalised;
            return created;
        });
        r.email = email.strip();
        r.preference = preference;
        r.updatedBy = caller.username();
        r.updatedAt = OffsetDateTime.now(clock);
        r.persist();
        audit.record(AuditLog.Action.UPDATE, RESOURCE, r.id, audience + " " + normalised + " " + preference);
        return r;
    }

    @Transactional
    public Page<Recipient> list(Audience audience, int page, int size) {
        NotificationScope scope = scope();
        Criteria criteria = new Criteria().equal("audience", audience);
        scope.condition("key").ifPresent(c -> criteria.always(c, scope.parameters()));
        return Page.of(Recipient.find(criteria.orderedBy("audience, key"), criteria.parameters()), page, size);
    }

    @Transactional
    public void remove(UUID id) {
        Recipient r = Recipient.<Recipient>findByIdOptional(id)
                .filter(found -> scope().mayManage(found.audience, found.key))
                .orElseThrow(() -> ProblemException.notFound("recipient", id));
        r.delete();
        audit.record(AuditLog.Action.UPDATE, RESOURCE, id, "removed " + r.audience + " " + r.key);
    }

    private NotificationScope scope() {
        return NotificationScope.of(caller);
    }

    private static void requireKeyFits(Audience audience, String key) {
        String problem = null;
        if (!audience.keyed() && !key.isEmpty()) {
            problem = "a team recipient has no key";
        } else if (audience == Audience.SCHOOL && !Urn.isValid(key)) {
            problem = "must be the school's six-digit URN";
        } else if (audience == Audience.PROVIDER && !isUuid(key)) {
            problem = "must be the provider's id";
        }
        if (problem != null) {
            throw new ProblemException(
                    NotificationRules.RECIPIENT_KEY,
                    audience + ": " + problem,
                    List.of(new FieldError("key", "recipientKey", problem)));
        }
    }

    private static boolean isUuid(String key) {
        try {
            UUID.fromString(key);
            return key.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
