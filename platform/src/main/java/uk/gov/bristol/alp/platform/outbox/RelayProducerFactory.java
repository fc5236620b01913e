package uk.gov.bristol.alp.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.bristol.alp.platform.kafka.KafkaClientSecurity;

/** The relay's producer settings in one place: durable (acks=all), idempotent, bounded waits, TLS/SASL as configured. */
@ApplicationScoped
public class RelayProducerFactory {
    private final String bootstrapServers;
    private final String clientId;
    private final KafkaClientSecurity security;

    public RelayProducerFactory(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox-relay";
        this.security = security;
    }

    public Producer<String, String> create() {
        Properties props = new Properties();
        props.putAll(security.settings());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        // No lingering: the relay waits for each wave's acknowledgements, so a wait here adds to every event's way
        // to its consumers; records sent while a request is in flight still go together in the next.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
