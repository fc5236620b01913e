package uk.gov.bristol.alp.platform.projection;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/**
 * "The latest state of another service's aggregate", kept from a topic whose every event carries that aggregate's
 * whole state: each event, whatever its type, is read as the state {@code S} and copied onto the row {@code R} of
 * its aggregate, through the inbox (so a redelivery changes nothing); an event older than the one the row
 * reflects changes nothing. A consumer in a service's {@code messaging} package names the channel with
 * {@code @Incoming}, passes each record to {@link #accept}, and says through {@link Rows} how a state maps onto
 * its row.
 *
 * @param <S> the part of the producer's state payload this service keeps (its contract record)
 * @param <R> the read-model row
 */
public final class LatestStateProjection<S, R extends ProjectedRow> {
    private final EventHandler handler;
    private final EventJson json;
    private final String consumer;
    private final Class<S> stateType;
    private final Rows<S, R> rows;
    private final Map<String, Consumer<EventEnvelope>> handlers;

    /** How a state maps onto the read model's rows. */
    public interface Rows<S, R> {
        /** The row of the state's aggregate, or a new, unsaved one with its id set when there is none yet. */
        R rowFor(S state);

        /** Copies what this service keeps of the state onto the row. */
        void copy(S state, R row);

        /** What else follows once the row reflects the event (nothing by default). In the same transaction. */
        default void applied(S state, R row, EventEnvelope event) {}
    }

    public LatestStateProjection(
            EventHandler handler,
            EventJson json,
            String consumer,
            List<String> eventTypes,
            Class<S> stateType,
            Rows<S, R> rows) {
        this.handler = handler;
        this.json = json;
        this.consumer = consumer;
        this.stateType = stateType;
        this.rows = rows;
        Consumer<EventEnvelope> apply = this::apply;
        this.handlers = eventTypes.stream().collect(Collectors.toMap(Function.identity(), type -> apply));
    }

    /** The consumer's inbox name. */
    public String consumer() {
        return consumer;
    }

    /** Handles one record of the topic (call it from the consumer's {@code @Incoming} method). */
    public EventHandler.Outcome accept(String record) {
        return handler.handle(consumer, record, handlers);
    }

    private void apply(EventEnvelope event) {
        S state = json.data(event, stateType);
        R row = rows.rowFor(state);
        if (!row.acceptsEventOf(event.time())) {
            return;
        }
        rows.copy(state, row);
        row.asOf = event.time();
        row.persist();
        rows.applied(state, row, event);
    }
}
