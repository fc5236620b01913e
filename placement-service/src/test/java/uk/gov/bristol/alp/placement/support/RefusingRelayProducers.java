package uk.gov.bristol.alp.placement.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.bristol.alp.platform.kafka.KafkaClientSecurity;
import uk.gov.bristol.alp.platform.outbox.RelayProducerFactory;

/**
 * The outbox relay's producer, with a broker that refuses chosen records on demand: a record whose value contains a
 * registered marker is refused (as too large, a refusal of that record, not an outage) the given number of times.
 * Every other record goes to the real broker untouched.
 */
@Alternative
@Priority(1)
@Singleton
public class RefusingRelayProducers extends RelayProducerFactory {
    private static final Map<String, Integer> REFUSALS = new ConcurrentHashMap<>();

    public RefusingRelayProducers(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            KafkaClientSecurity security) {
        super(bootstrapServers, applicationName, security);
    }

    /** Refuse the next {@code times} sends of any record whose value contains {@code marker}. */
    public static void refuse(String marker, int times) {
        REFUSALS.put(marker, times);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Producer<String, String> create() {
        Producer<String, String> real = super.create();
        return (Producer<String, String>) Proxy.newProxyInstance(
                Producer.class.getClassLoader(), new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && args[0] instanceof ProducerRecord<?, ?> record) {
                        String value = String.valueOf(record.value());
                        for (var refusal : REFUSALS.entrySet()) {
                            if (value.contains(refusal.getKey())
                                    && REFUSALS.computeIfPresent(refusal.getKey(), (k, n) -> n - 1) >= 0) {
                                return CompletableFuture.failedFuture(
                                        new RecordTooLargeException("refused on demand by the test"));
                            }
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
