package uk.gov.bristol.alp.platform.projection;

import java.util.List;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.inbox.ReplayableConsumer;

/**
 * A consumer that keeps a read model of another service's aggregates through a {@link LatestStateProjection}, and
 * whose parked events an operator may replay. A subclass adds its {@code @Incoming} method (which calls
 * {@link #accept}) and says how a state maps onto its rows.
 */
public abstract class ProjectionConsumer<S, R extends ProjectedRow>
        implements LatestStateProjection.Rows<S, R>, ReplayableConsumer {
    private final LatestStateProjection<S, R> projection;

    protected ProjectionConsumer(
            EventHandler handler, EventJson json, String consumer, List<String> eventTypes, Class<S> stateType) {
        this.projection = new LatestStateProjection<>(handler, json, consumer, eventTypes, stateType, this);
    }

    /** For the container's client proxy only. */
    protected ProjectionConsumer() {
        this.projection = null;
    }

    @Override
    public String name() {
        return projection.consumer();
    }

    @Override
    public EventHandler.Outcome accept(String record) {
        return projection.accept(record);
    }
}
