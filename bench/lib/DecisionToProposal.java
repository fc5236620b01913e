import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.gov.bristol.alp.platform.identifiers.Upn;

/**
 * Decision-to-proposal propagation beside its anchor, one at a time (bench/decision-to-proposal.sh runs it):
 *   anchor: a raw Kafka produce (acks=all) and consume of one record, the floor of any hop through the broker;
 *   project: an Inclusion Panel approve-placement decision published on alp.panel.v1 as the panel's relay sends it,
 *            until the placement service's placement-proposed event for it is read from alp.placements.v1 (its
 *            consumer, its transaction, its outbox and relay: two broker hops and a database commit).
 * Prints "anchor p50 p99 project p50 p99" in milliseconds. Arguments: bootstrap servers, an approved provider's id,
 * how many of each.
 */
public class DecisionToProposal {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String provider = args[1];
        int count = Integer.parseInt(args[2]);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains("alp.bench.round-trip")) {
                admin.createTopics(List.of(new NewTopic("alp.bench.round-trip", 1, (short) 1))).all().get();
            }
        }
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            List<Double> anchor = roundTrips(producer, bootstrap, count);
            List<Double> toCreated = new ArrayList<>();
            List<Double> createdToArrived = new ArrayList<>();
            List<Double> project = proposals(producer, bootstrap, provider, count, toCreated, createdToArrived);
            System.out.printf(
                    "where: decision sent to proposal event created (consumed, handled up to the outbox write) p50 %.1f"
                            + " p99 %.1f ms; created to arrived (commit, relay, broker, consumer) p50 %.1f p99 %.1f ms%n",
                    pct(toCreated, 50),
                    pct(toCreated, 99),
                    pct(createdToArrived, 50),
                    pct(createdToArrived, 99));
            System.out.printf(
                    "%.2f %.2f %.2f %.2f%n", pct(anchor, 50), pct(anchor, 99), pct(project, 50), pct(project, 99));
        }
    }

    private static List<Double> roundTrips(KafkaProducer<String, String> producer, String bootstrap, int count)
            throws Exception {
        try (KafkaConsumer<String, String> consumer = consumerAtEnd(bootstrap, "alp.bench.round-trip")) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < count + count / 5; i++) { // the first fifth warms up and is not counted
                String id = UUID.randomUUID().toString();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>("alp.bench.round-trip", id, id)).get();
                awaitRecord(consumer, r -> id.equals(r.value()));
                if (i >= count / 5) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            return millis;
        }
    }

    /**
     * Also splits each propagation at the proposal event's own {@code time} (set when the placement service wrote it to
     * its outbox, same machine clock): before it, the decision's consumption and handling; after it, the commit, the
     * relay, the broker and the delivery.
     */
    private static List<Double> proposals(
            KafkaProducer<String, String> producer,
            String bootstrap,
            String provider,
            int count,
            List<Double> toCreated,
            List<Double> createdToArrived)
            throws Exception {
        try (KafkaConsumer<String, String> consumer = consumerAtEnd(bootstrap, "alp.placements.v1")) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < count + count / 5; i++) {
                String decision = UUID.randomUUID().toString();
                String envelope = decisionEnvelope(decision, provider, i);
                long start = System.nanoTime();
                long sentAt = System.currentTimeMillis();
                producer.send(new ProducerRecord<>("alp.panel.v1", decision, envelope)).get();
                ConsumerRecord<String, String> proposal =
                        awaitRecord(consumer, r -> isProposalFor(r.value(), decision));
                if (i >= count / 5) {
                    millis.add((System.nanoTime() - start) / 1e6);
                    long created = OffsetDateTime.parse(JSON.readTree(proposal.value())
                                    .path("time")
                                    .asText())
                            .toInstant()
                            .toEpochMilli();
                    toCreated.add((double) (created - sentAt));
                    createdToArrived.add((double) (System.currentTimeMillis() - created));
                }
            }
            return millis;
        }
    }

    private static boolean isProposalFor(String value, String decision) {
        try {
            JsonNode event = JSON.readTree(value);
            return event.path("type").asText().endsWith("placement.proposed.v1")
                    && decision.equals(event.path("data").path("decisionId").asText());
        } catch (Exception e) {
            return false;
        }
    }

    /** An approve-placement decision for a new pupil (a valid UPN each time), as the panel service publishes it. */
    private static String decisionEnvelope(String decision, String provider, int n) throws Exception {
        String digits = String.format("9%011d", (System.currentTimeMillis() / 1000 % 10_000_000L) * 1000 + n % 1000)
                .substring(0, 12);
        LocalDate start = LocalDate.now().plusWeeks(2);
        Map<String, Object> data = Map.of(
                "decisionId", decision,
                "referralId", UUID.randomUUID().toString(),
                "outcome", "APPROVE_PLACEMENT",
                "schoolUrn", "100001",
                "decidedBy", "panel.chair",
                "decidedAt", OffsetDateTime.now().toString(),
                "needsFinanceApproval", false,
                "pupil", Map.of(
                        "upn", Upn.checkLetter(digits) + digits,
                        "firstName", "Bench",
                        "lastName", "Decision",
                        "dateOfBirth", "2011-01-01",
                        "senProvision", "N"),
                "placement", Map.of(
                        "providerId", provider,
                        "hoursPerWeek", "25",
                        "startDate", start.toString(),
                        "plannedEndDate", start.plusWeeks(20).toString(),
                        "fundingRoute", "HIGH_NEEDS"));
        return JSON.writeValueAsString(Map.of(
                "specversion", "1.0",
                "id", UUID.randomUUID().toString(),
                "type", "uk.gov.bristol.alp.panel.decision-made.v1",
                "source", "urn:alp:inclusion-panel-service",
                "subject", decision,
                "time", OffsetDateTime.now().toString(),
                "datacontenttype", "application/json",
                "correlationid", "bench-" + decision,
                "data", data));
    }

    private static ConsumerRecord<String, String> awaitRecord(
            KafkaConsumer<String, String> consumer, java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                if (match.test(r)) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("no matching record within 30 s");
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", "0");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static KafkaConsumer<String, String> consumerAtEnd(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        return consumer;
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
