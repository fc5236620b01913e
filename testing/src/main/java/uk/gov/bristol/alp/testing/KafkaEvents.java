package uk.gov.bristol.alp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads what really reached the broker, and sends raw records, for assertions in tests. */
public final class KafkaEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaEvents() {}

    /** Every envelope on the topic (from the beginning) matching the filter, read for the given time. */
    public static List<JsonNode> read(String bootstrap, String topic, Predicate<JsonNode> filter, Duration window) {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(window);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = parse(record.value());
                    if (filter.test(envelope)) {
                        found.add(envelope);
                    }
                }
            }
        }
        return found;
    }

    /** Waits until at least one envelope matches; returns the first. */
    public static JsonNode awaitOne(String bootstrap, String topic, Predicate<JsonNode> filter, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            List<JsonNode> found = read(bootstrap, topic, filter, Duration.ofSeconds(2));
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("no matching event on " + topic + " within " + timeout.toSeconds() + " s");
    }

    /** Waits until at least {@code count} envelopes match; returns them in the order they reached the topic. */
    public static List<JsonNode> awaitCount(
            String bootstrap, String topic, Predicate<JsonNode> filter, int count, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        List<JsonNode> found = List.of();
        while (Instant.now().isBefore(end)) {
            found = read(bootstrap, topic, filter, Duration.ofSeconds(2));
            if (found.size() >= count) {
                return found;
            }
        }
        throw new AssertionError(found.size() + " matching event(s) on " + topic + " within " + timeout.toSeconds()
                + " s, expected " + count);
    }

    public static Predicate<JsonNode> ofType(String type, String subject) {
        return e -> type.equals(e.path("type").asText())
                && subject.equals(e.path("subject").asText());
    }

    public static void send(String bootstrap, String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test record", e);
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return JSON.createObjectNode().put("unparseable", value);
        }
    }
}
