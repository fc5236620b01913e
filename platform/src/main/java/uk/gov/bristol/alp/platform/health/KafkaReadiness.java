package uk.gov.bristol.alp.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import uk.gov.bristol.alp.platform.kafka.KafkaClientSecurity;

/**
 * Ready only while the broker answers: the outbox relay and consumers need it. (The datasource has its
 * own readiness check from Quarkus.)
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private Admin admin;

    public KafkaReadiness(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .size();
            return HealthCheckResponse.named("kafka")
                    .up()
                    .withData("brokers", nodes)
                    .withData("bootstrap", bootstrapServers)
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka")
                    .down()
                    .withData("error", e.toString())
                    .build();
        }
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
