package uk.gov.bristol.alp.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Runs one incoming record through the inbox: parse, claim (consumer, event id), dispatch by type, all
 * in one transaction. Types a consumer does not handle are claimed and skipped, so they are not re-read.
 * A failure rolls everything back and propagates, so the messaging layer nacks (dead-letter topic).
 */
@ApplicationScoped
public class EventHandler {
    private static final Logger LOG = Logger.getLogger(EventHandler.class);

    private final EventJson json;
    private final Inbox inbox;
    private final Correlation correlation;

    public EventHandler(EventJson json, Inbox inbox, Correlation correlation) {
        this.json = json;
        this.inbox = inbox;
        this.correlation = correlation;
    }

    @ActivateRequestContext
    @Transactional
    public void handle(String consumer, String record, Map<String, Consumer<EventEnvelope>> handlers) {
        EventEnvelope event = json.read(record);
        // Events this handler causes carry the same correlation id as the request that started it all.
        correlation.begin(event.correlationid());
        if (!inbox.claim(consumer, event)) {
            LOG.debugf("%s: event %s already handled", consumer, event.id());
            return;
        }
        Consumer<EventEnvelope> handler = handlers.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }
}
