package uk.gov.bristol.alp.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.tracing.EventTraces;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Records an event in the caller's transaction. Nothing is sent here: {@link OutboxRelay} publishes it
 * after commit, so an event exists if and only if the change that caused it was committed.
 */
@ApplicationScoped
public class Outbox {
    private final EventJson json;
    private final Correlation correlation;
    private final EventTraces traces;
    private final String source;

    public Outbox(
            EventJson json,
            Correlation correlation,
            EventTraces traces,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.correlation = correlation;
        this.traces = traces;
        this.source = "urn:alp:" + applicationName;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        String traceparent = traces.created(topic, type, aggregateId, id.toString());
        EventEnvelope envelope = new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                id,
                type,
                source,
                aggregateId,
                OffsetDateTime.now(ZoneOffset.UTC),
                EventEnvelope.JSON,
                correlation.current(),
                json.raw(data),
                traceparent);
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.id();
        message.topic = topic;
        message.aggregateId = aggregateId;
        message.eventType = type;
        message.traceparent = traceparent;
        message.envelope = json.write(envelope);
        message.createdAt = envelope.time();
        message.persist();
        return envelope.id();
    }
}
