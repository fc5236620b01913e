package uk.gov.bristol.alp.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.TreeSet;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Appends who did what to which record, in the caller's transaction: a write and its audit row commit
 * together, and a read is recorded before its data leaves the service.
 */
@ApplicationScoped
public class AuditLog {
    public enum Action { READ, CREATE, UPDATE }

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final Correlation correlation;

    public AuditLog(EntityManager em, SecurityIdentity identity, Correlation correlation) {
        this.em = em;
        this.identity = identity;
        this.correlation = correlation;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String resourceType, Object resourceId) {
        String actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        em.createNativeQuery("""
                insert into audit_event (actor, actor_roles, action, resource_type, resource_id, request_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, actor)
                .setParameter(2, String.join(",", new TreeSet<>(identity.getRoles())))
                .setParameter(3, action.name())
                .setParameter(4, resourceType)
                .setParameter(5, resourceId.toString())
                .setParameter(6, correlation.current())
                .executeUpdate();
    }
}
