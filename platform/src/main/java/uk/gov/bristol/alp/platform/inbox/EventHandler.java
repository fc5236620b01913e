package uk.gov.bristol.alp.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.MalformedEventException;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Runs one incoming record through the inbox: parse, claim (consumer, event id), dispatch by type, all
 * in one transaction. Types a consumer does not handle are claimed and skipped, so they are not re-read.
 * A failing attempt rolls back and is retried with backoff (a database blip must not lose an event);
 * an unreadable record, or one still failing after the last attempt, propagates so the messaging layer
 * sends it to the dead-letter topic.
 */
@ApplicationScoped
public class EventHandler {
    private static final Logger LOG = Logger.getLogger(EventHandler.class);

    private final EventJson json;
    private final Inbox inbox;
    private final Correlation correlation;
    private final int attempts;
    private final Duration firstBackoff;

    public EventHandler(
            EventJson json,
            Inbox inbox,
            Correlation correlation,
            @ConfigProperty(name = "alp.consumer.attempts", defaultValue = "5") int attempts,
            @ConfigProperty(name = "alp.consumer.first-backoff", defaultValue = "PT0.2S") Duration firstBackoff) {
        this.json = json;
        this.inbox = inbox;
        this.correlation = correlation;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    @ActivateRequestContext
    public void handle(String consumer, String record, Map<String, Consumer<EventEnvelope>> handlers) {
        EventEnvelope event = json.read(record);
        // Events this handler causes carry the same correlation id as the request that started it all.
        correlation.begin(event.correlationid());
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handleOnce(consumer, event, handlers));
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    LOG.errorf(
                            e,
                            "%s: event %s (%s) failed %d times; sending it to the dead-letter topic",
                            consumer,
                            event.id(),
                            event.type(),
                            attempt);
                    throw e;
                }
                LOG.warnf(
                        "%s: event %s failed (attempt %d of %d), retrying in %d ms: %s",
                        consumer, event.id(), attempt, attempts, backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void handleOnce(String consumer, EventEnvelope event, Map<String, Consumer<EventEnvelope>> handlers) {
        if (!inbox.claim(consumer, event)) {
            LOG.debugf("%s: event %s already handled", consumer, event.id());
            return;
        }
        Consumer<EventEnvelope> handler = handlers.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
