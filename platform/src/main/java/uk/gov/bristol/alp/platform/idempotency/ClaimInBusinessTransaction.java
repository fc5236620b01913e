package uk.gov.bristol.alp.platform.idempotency;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionScoped;

/**
 * Writes a request's Idempotency-Key in the first transaction the request begins, the one that makes its change:
 * the key and the change commit together or not at all. So a key on record means the change was made (a retry gets
 * the first answer, never a twin), and a request that crashed before committing left no key behind (its retry runs
 * afresh). A second request with the same key, sent while the first runs, waits on the first's row; once the first
 * commits, every transaction of the second is rolled back and it answers 409 ({@link IdempotencyFilters}). Nothing
 * is thrown here: an exception while a transaction begins would leave it on the thread.
 */
@ApplicationScoped
public class ClaimInBusinessTransaction {
    private final EntityManager em;
    private final TransactionManager transactions;

    public ClaimInBusinessTransaction(EntityManager em, TransactionManager transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    void onBegin(@Observes @Initialized(TransactionScoped.class) Object transaction) throws SystemException {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        PendingClaim pending = Arc.container().instance(PendingClaim.class).get();
        if (pending.conflicted()) {
            transactions.setRollbackOnly();
            return;
        }
        PendingClaim.Claim claim = pending.take();
        if (claim == null) {
            return;
        }
        int inserted = em.createNativeQuery("""
                insert into idempotency_key (principal, key, method, path, request_hash)
                values (?1, ?2, 'POST', ?3, ?4) on conflict do nothing""")
                .setParameter(1, claim.principal())
                .setParameter(2, claim.key())
                .setParameter(3, claim.path())
                .setParameter(4, claim.requestHash())
                .executeUpdate();
        if (inserted == 0) {
            pending.conflict();
            transactions.setRollbackOnly();
        }
    }
}
