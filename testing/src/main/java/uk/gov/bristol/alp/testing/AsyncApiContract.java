package uk.gov.bristol.alp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Holds a produced envelope against the AsyncAPI document ({@code asyncapi/alp-events.yaml} in
 * alp-platform): its topic must declare the event's message, the envelope must carry the CloudEvents
 * attributes, and the data must have every required field with the declared JSON type.
 */
public final class AsyncApiContract {
    private static final String DOCUMENT = "asyncapi/alp-events.yaml";
    private final JsonNode doc;

    private AsyncApiContract(JsonNode doc) {
        this.doc = doc;
    }

    public static AsyncApiContract load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " not on the classpath");
            }
            return new AsyncApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every way the envelope departs from the contract; empty when it conforms. */
    public List<String> violations(String topic, JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        for (String attribute : List.of(
                "specversion", "id", "type", "source", "subject", "time", "datacontenttype", "correlationid", "data")) {
            if (envelope.path(attribute).isMissingNode()
                    || envelope.path(attribute).isNull()) {
                problems.add("envelope lacks " + attribute);
            }
        }
        String type = envelope.path("type").asText();
        JsonNode message = messageFor(topic, type);
        if (message == null) {
            problems.add("topic " + topic + " declares no message of type " + type);
            return problems;
        }
        JsonNode schema = message.path("payload").path("properties").path("data");
        JsonNode data = envelope.path("data");
        for (JsonNode required : schema.path("required")) {
            JsonNode value = data.path(required.asText());
            if (value.isMissingNode() || value.isNull()) {
                problems.add(type + ": data lacks required " + required.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = data.path(field.getKey());
            String declared = field.getValue().path("type").asText();
            if (!value.isMissingNode() && !value.isNull() && !hasType(value, declared)) {
                problems.add(type + ": data." + field.getKey() + " is not " + declared);
            }
        }
        return problems;
    }

    private JsonNode messageFor(String topic, String type) {
        JsonNode messages = doc.path("channels").path(topic).path("messages");
        for (JsonNode ref : messages) {
            JsonNode message = resolve(ref);
            if (type.equals(message.path("name").asText())) {
                return message;
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }

    private static boolean hasType(JsonNode value, String declared) {
        return switch (declared) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }
}
