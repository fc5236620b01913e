package uk.gov.bristol.alp.platform.inbox;

import java.util.Map;
import java.util.function.Consumer;
import uk.gov.bristol.alp.platform.event.EventEnvelope;

/**
 * A consumer that handles some event types of a topic through the inbox ({@link EventHandler}): a subclass names
 * itself, says what each type it cares about does, and adds the {@code @Incoming} method of its channel, which
 * calls {@link #accept}. Types it does not list are skipped. Parked events replay through the same path.
 */
public abstract class EventConsumer implements ReplayableConsumer {
    private final EventHandler handler;
    private final String name;

    protected EventConsumer(EventHandler handler, String name) {
        this.handler = handler;
        this.name = name;
    }

    /** For the container's client proxy only. */
    protected EventConsumer() {
        this(null, null);
    }

    /** Per event type, what applying one does (inside the inbox's transaction). */
    protected abstract Map<String, Consumer<EventEnvelope>> handlers();

    @Override
    public String name() {
        return name;
    }

    @Override
    public EventHandler.Outcome accept(String record) {
        return handler.handle(name, record, handlers());
    }
}
