package uk.gov.bristol.alp.platform.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import uk.gov.bristol.alp.platform.kafka.KafkaClientSecurity;

/**
 * How the service's events are doing, in the readiness detail: whether the broker answers, how many events wait in
 * the outbox and since when, how many are parked. It never makes the service unready: writes go on while the
 * broker is away (that is what the outbox is for), so readiness hangs on the service's own database alone (Quarkus's
 * datasource check). Operators alert on the figures (docs/operations.md).
 */
@Readiness
@ApplicationScoped
public class MessagingHealth implements HealthCheck {
    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private final EntityManager em;
    private Admin admin;

    public MessagingHealth(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            KafkaClientSecurity security,
            EntityManager em) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.em = em;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health =
                HealthCheckResponse.named("messaging").up();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .size();
            health.withData("broker", "reachable").withData("brokers", nodes);
        } catch (Exception e) {
            health.withData("broker", "unreachable: events wait in the outbox");
        }
        try {
            Object[] outbox = QuarkusTransaction.requiringNew()
                    .call(() -> (Object[]) em.createNativeQuery("""
                            select count(*) filter (where parked_at is null),
                                   min(created_at) filter (where parked_at is null),
                                   count(*) filter (where parked_at is not null)
                            from outbox_message where sent_at is null""").getSingleResult());
            health.withData("outboxWaiting", ((Number) outbox[0]).longValue())
                    .withData("outboxOldestWaitingSeconds", ageInSeconds(outbox[1]))
                    .withData("outboxParked", ((Number) outbox[2]).longValue());
        } catch (RuntimeException e) {
            health.withData("outbox", "unknown: the database does not answer");
        }
        return health.build();
    }

    private static long ageInSeconds(Object createdAt) {
        if (createdAt == null) {
            return 0;
        }
        Instant since = createdAt instanceof OffsetDateTime o
                ? o.toInstant()
                : createdAt instanceof Instant i ? i : ((Timestamp) createdAt).toInstant();
        return Duration.between(since, Instant.now()).toSeconds();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>(security.settings());
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
