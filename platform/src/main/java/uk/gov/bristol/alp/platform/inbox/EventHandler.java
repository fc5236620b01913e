package uk.gov.bristol.alp.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.MalformedEventException;
import uk.gov.bristol.alp.platform.tracing.EventTraces;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Runs one incoming record through the inbox: parse, claim (consumer, event id), dispatch by type, all in one
 * transaction. A type the consumer does not handle is passed over before any of that: no transaction, no inbox row
 * (reading it again changes nothing either way); a consumer such as notification, which reads every placement event
 * for a few types, otherwise spent a transaction and an insert on each attendance batch.
 *
 * <p>No business event is dropped. A failure that will likely pass (the database restarting, a lost connection)
 * is retried with backoff for {@code alp.consumer.retry-for} (minutes), holding the partition so order holds. A
 * failure that will not pass (an unreadable record, a rule that refuses it) is tried {@code alp.consumer.attempts}
 * times. Then the event is parked in the service's own database ({@link ParkedEvent}) for an operator to inspect
 * and replay, and the events behind it flow on. Only if even parking fails (the database still away) does the
 * record go to the dead-letter topic, as a last resort.
 */
@ApplicationScoped
public class EventHandler {
    private static final Logger LOG = Logger.getLogger(EventHandler.class);

    /** What became of a record. */
    public enum Outcome {
        APPLIED,
        ALREADY_APPLIED,
        /** A type this consumer does not act on: nothing was written. */
        NOT_HANDLED,
        PARKED
    }

    private final EventJson json;
    private final Inbox inbox;
    private final Correlation correlation;
    private final EventTraces traces;
    private final MeterRegistry registry;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration retryFor;

    public EventHandler(
            EventJson json,
            Inbox inbox,
            Correlation correlation,
            EventTraces traces,
            MeterRegistry registry,
            @ConfigProperty(name = "alp.consumer.attempts", defaultValue = "5") int attempts,
            @ConfigProperty(name = "alp.consumer.first-backoff", defaultValue = "PT0.2S") Duration firstBackoff,
            @ConfigProperty(name = "alp.consumer.max-backoff", defaultValue = "PT30S") Duration maxBackoff,
            @ConfigProperty(name = "alp.consumer.retry-for", defaultValue = "PT10M") Duration retryFor) {
        this.json = json;
        this.inbox = inbox;
        this.correlation = correlation;
        this.traces = traces;
        this.registry = registry;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.retryFor = retryFor;
    }

    /**
     * Handles one record in a {@code process} span, child of the span that created the event, so the events this
     * handler causes continue the same trace; counts the outcome per consumer ({@code alp.events.handled}).
     */
    @ActivateRequestContext
    public Outcome handle(String consumer, String record, Map<String, Consumer<EventEnvelope>> handlers) {
        EventEnvelope event;
        try {
            event = json.read(record);
        } catch (MalformedEventException e) {
            return counted(consumer, park(consumer, null, record, e, 1));
        }
        if (!handlers.containsKey(event.type())) {
            return counted(consumer, Outcome.NOT_HANDLED);
        }
        // Events this handler causes carry the same correlation id as the request that started it all.
        correlation.begin(event.correlationid());
        Span span = traces.processing(consumer, event.type(), event.id().toString(), event.traceparent());
        Outcome outcome = null;
        try (Scope ignored = span.makeCurrent()) {
            EventTraces.logContext(span);
            outcome = handleTraced(consumer, record, event, handlers);
            return counted(consumer, outcome);
        } finally {
            EventTraces.end(
                    span,
                    outcome == null ? "failed" : outcome.name().toLowerCase(Locale.ROOT),
                    outcome == Outcome.PARKED ? "parked for an operator" : null);
        }
    }

    private Outcome counted(String consumer, Outcome outcome) {
        registry.counter(
                        "alp.events.handled",
                        "consumer",
                        consumer,
                        "outcome",
                        outcome.name().toLowerCase(Locale.ROOT))
                .increment();
        return outcome;
    }

    private Outcome handleTraced(
            String consumer, String record, EventEnvelope event, Map<String, Consumer<EventEnvelope>> handlers) {
        Instant giveUpWaiting = Instant.now().plus(retryFor);
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> handleOnce(consumer, event, handlers));
                return applied ? Outcome.APPLIED : Outcome.ALREADY_APPLIED;
            } catch (MalformedEventException e) {
                return park(consumer, event, record, e, attempt);
            } catch (RuntimeException e) {
                boolean passing = Failures.isTransient(e);
                if (passing ? Instant.now().isAfter(giveUpWaiting) : attempt >= attempts) {
                    return park(consumer, event, record, e, attempt);
                }
                LOG.warnf(
                        "%s: event %s failed (attempt %d, %s), retrying in %d ms: %s",
                        consumer,
                        event.id(),
                        attempt,
                        passing ? "the database is away" : "refused",
                        backoff.toMillis(),
                        e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private boolean handleOnce(String consumer, EventEnvelope event, Map<String, Consumer<EventEnvelope>> handlers) {
        if (!inbox.claim(consumer, event)) {
            LOG.debugf("%s: event %s already handled", consumer, event.id());
            return false;
        }
        handlers.get(event.type()).accept(event);
        return true;
    }

    /** Keeps the event for an operator; if even that fails, the messaging layer dead-letters the record. */
    private Outcome park(String consumer, EventEnvelope event, String record, RuntimeException failure, int tries) {
        LOG.errorf(
                "%s: event %s (%s) could not be applied after %d attempt(s); parking it for an operator: %s",
                consumer,
                event == null ? "unreadable" : event.id(),
                event == null ? "-" : event.type(),
                tries,
                failure.toString());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ParkedEvent parked = new ParkedEvent();
                parked.consumer = consumer;
                parked.eventId = event == null ? null : event.id();
                parked.eventType = event == null ? null : event.type();
                parked.subject = event == null ? null : event.subject();
                parked.record = record;
                String error = failure.toString();
                parked.error = error.length() > 4000 ? error.substring(0, 4000) : error;
                parked.attempts = tries;
                parked.parkedAt = OffsetDateTime.now(ZoneOffset.UTC);
                parked.persist();
            });
            return Outcome.PARKED;
        } catch (RuntimeException cannotPark) {
            failure.addSuppressed(cannotPark);
            throw failure;
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
