package uk.gov.bristol.alp.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Idempotency keys past {@code alp.idempotency.ttl} are purged hourly (a retry comes within minutes). */
@ApplicationScoped
public class IdempotencyKeyPurge {
    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final EntityManager em;
    private final Duration ttl;

    public IdempotencyKeyPurge(
            EntityManager em, @ConfigProperty(name = "alp.idempotency.ttl", defaultValue = "PT24H") Duration ttl) {
        this.em = em;
        this.ttl = ttl;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgeExpired() {
        int purged = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "delete from idempotency_key where created_at < now() - cast(?1 as interval)")
                        .setParameter(1, ttl.toSeconds() + " seconds")
                        .executeUpdate());
        if (purged > 0) {
            LOG.infof("idempotency: purged %d keys older than %s", purged, ttl);
        }
    }
}
