package uk.gov.bristol.alp.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Appends who did what to which record, in the caller's transaction: a write and its audit row commit
 * together, and a read is recorded before its data leaves the service.
 */
@ApplicationScoped
public class AuditLog {
    public enum Action {
        READ,
        CREATE,
        UPDATE,
        DELETE
    }

    /** One audited access, as an auditor reads it. */
    public record Entry(
            OffsetDateTime occurredAt,
            String actor,
            String actorRoles,
            String action,
            String resourceType,
            String resourceId,
            String requestId,
            String details) {}

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Correlation correlation;

    public AuditLog(EntityManager em, SecurityIdentity identity, Correlation correlation) {
        this.em = em;
        this.identity = identity;
        this.correlation = correlation;
    }

    /** The trail of one record, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> trail(String resourceType, Object resourceId) {
        List<Object[]> rows = em.createNativeQuery("""
                select occurred_at, actor, actor_roles, action, resource_type, resource_id, request_id, details
                from audit_event where resource_type = ?1 and resource_id = ?2 order by id""")
                .setParameter(1, resourceType)
                .setParameter(2, resourceId.toString())
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        toOffset(r[0]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7]))
                .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String resourceType, Object resourceId) {
        record(action, resourceType, resourceId, null);
    }

    /** @param details what changed, in words a person reads (for example "status APPLIED -> APPROVED") */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String resourceType, Object resourceId, String details) {
        String actor =
                identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        em.createNativeQuery("""
                insert into audit_event (actor, actor_roles, action, resource_type, resource_id, request_id, details)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, actor)
                .setParameter(2, String.join(",", new TreeSet<>(identity.getRoles())))
                .setParameter(3, action.name())
                .setParameter(4, resourceType)
                .setParameter(5, resourceId.toString())
                .setParameter(6, correlation.current())
                .setParameter(7, details)
                .executeUpdate();
    }
}
