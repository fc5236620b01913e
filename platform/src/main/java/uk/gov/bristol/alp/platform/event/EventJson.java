package uk.gov.bristol.alp.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes envelopes with the application's configured ObjectMapper (ISO dates, no timestamps). */
@ApplicationScoped
public class EventJson {
    private final ObjectMapper mapper;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
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
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not an ALP event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
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
