package uk.gov.bristol.alp.platform.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one envelope every ALP event travels in: CloudEvents 1.0 attributes plus {@code correlationid}.
 *
 * @param subject the aggregate id; also the Kafka key, so one aggregate's events stay in order
 * @param traceparent the W3C trace context the event was created in (the CloudEvents distributed tracing
 *     extension); null for events from before tracing, or when tracing is off
 */
public record EventEnvelope(
        String specversion,
        UUID id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String correlationid,
        JsonNode data,
        String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
