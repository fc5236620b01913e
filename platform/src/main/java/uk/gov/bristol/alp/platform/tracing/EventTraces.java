package uk.gov.bristol.alp.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * Carries one trace across the event hops, as W3C {@code traceparent} text: an event is created inside the span
 * that records it (a short {@code create} span, whose context goes into the outbox row, the event envelope and the
 * Kafka record's headers); the relay's {@code send} span and each consumer's {@code process} span are its children;
 * and what a consumer records in its own outbox is created inside its {@code process} span. So one trace runs from
 * the request at the gateway through every service the events reach.
 */
@ApplicationScoped
public class EventTraces {
    public static final String HEADER = "traceparent";

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("alp.event.type");
    private static final AttributeKey<String> AGGREGATE = AttributeKey.stringKey("alp.event.subject");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("alp.event.outcome");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span as {@code traceparent} text, or null when nothing is being traced. */
    public static String current() {
        return format(Context.current());
    }

    /**
     * Marks the creation of an event in the current trace and returns the {@code traceparent} the event carries (an
     * unsampled trace is carried too, so the sampling decision holds downstream; null only when tracing is off).
     */
    public String created(String topic, String type, String subject, String eventId) {
        Span span = tracer.spanBuilder("create " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, type)
                .setAttribute(AGGREGATE, subject)
                .startSpan();
        try {
            return format(Context.current().with(span));
        } finally {
            span.end();
        }
    }

    /** The relay's span for handing one event to the broker; end it with {@link #end}. */
    public Span sending(String topic, String eventId, String traceparent) {
        return tracer.spanBuilder("send " + topic)
                .setParent(parent(traceparent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .startSpan();
    }

    /** A consumer's span for handling one event, child of the span that created the event; make it current. */
    public Span processing(String consumer, String type, String eventId, String traceparent) {
        return tracer.spanBuilder("process " + (type == null ? "unreadable event" : type))
                .setParent(parent(traceparent))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(GROUP, consumer)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, type)
                .startSpan();
    }

    /**
     * Runs {@code work} in a span of an earlier trace (a case's: for example the panel decision that proposed a
     * placement), linked to the current span, so the events it records continue that trace. Without an earlier
     * trace, runs it as it is.
     */
    public <T> T continuing(String traceparent, String name, Supplier<T> work) {
        Context origin = parent(traceparent);
        SpanContext originSpan = Span.fromContext(origin).getSpanContext();
        if (!originSpan.isValid()) {
            return work.get();
        }
        Span span = tracer.spanBuilder(name)
                .setParent(origin)
                .setSpanKind(SpanKind.INTERNAL)
                .addLink(Span.current().getSpanContext())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } finally {
            span.end();
        }
    }

    /**
     * Names the span in the log lines written while it is current on this thread ({@code traceId}, {@code spanId}
     * in the MDC, as the extension does for HTTP requests): a consumer's thread is not a request's.
     */
    public static void logContext(Span span) {
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put("traceId", context.getTraceId());
            MDC.put("spanId", context.getSpanId());
        }
    }

    /** Ends a span, marking it failed with the reason when there is one. */
    public static void end(Span span, String outcome, String failure) {
        if (outcome != null) {
            span.setAttribute(OUTCOME, outcome);
        }
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure);
        }
        span.end();
    }

    private static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), FROM_MAP);
    }

    private static String format(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }
}
