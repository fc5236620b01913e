package uk.gov.bristol.alp.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads and writes envelopes with the application's configured ObjectMapper (ISO dates, no timestamps). Reading is
 * tolerant: an attribute or data field this service does not know (a new CloudEvents extension such as traceparent,
 * a field a later minor version adds) is ignored, never a reason to dead-letter the event. The API's own mapper stays
 * strict for requests.
 */
@ApplicationScoped
public class EventJson {
    private final ObjectMapper mapper;
    private final ObjectReader tolerant;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.tolerant = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised: " + envelope.type(), e);
        }
    }

    public EventEnvelope read(String json) {
        try {
            return tolerant.forType(EventEnvelope.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not an ALP event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return tolerant.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "event " + envelope.id() + " of type " + envelope.type() + " has unreadable data: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * The data as already-serialised JSON, written as it is into the envelope: serialising once, not into a tree
     * and then out again, halves the cost of large payloads such as a batch of attendance marks.
     */
    public JsonNode raw(Object data) {
        try {
            return mapper.getNodeFactory().rawValueNode(new RawValue(mapper.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "event data cannot be serialised: " + data.getClass().getSimpleName(), e);
        }
    }
}
