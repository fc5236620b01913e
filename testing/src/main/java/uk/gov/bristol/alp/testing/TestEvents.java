package uk.gov.bristol.alp.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Envelopes as another service would publish them, for feeding a consumer through the real broker. */
public final class TestEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {}

    public static String envelope(UUID id, String type, String subject, OffsetDateTime time, Map<String, ?> data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id.toString());
        e.put("type", type);
        e.put("source", "urn:alp:test");
        e.put("subject", subject);
        e.put("time", time.toString());
        e.put("datacontenttype", "application/json");
        e.put("correlationid", "test-" + id);
        e.set("data", JSON.valueToTree(data));
        return e.toString();
    }

    public static void publish(String topic, String subject, String envelope) {
        KafkaEvents.send(KafkaBroker.shared().bootstrapServers(), topic, subject, envelope);
    }
}
