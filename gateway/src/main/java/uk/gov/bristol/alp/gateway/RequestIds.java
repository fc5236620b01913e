package uk.gov.bristol.alp.gateway;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Adopts a well-formed incoming X-Request-Id or takes the request's trace id (a new random one when tracing is off);
 * it travels upstream and back to the caller, is written in every log line ({@code requestId}) and is kept on the
 * request's span, so a caller's id finds its trace.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String KEY = "alp.request-id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        if (id == null) {
            String incoming = rc.request().getHeader(HEADER);
            SpanContext trace = Span.current().getSpanContext();
            id = incoming != null && ACCEPTED.matcher(incoming).matches()
                    ? incoming
                    : trace.isValid() ? trace.getTraceId() : UUID.randomUUID().toString();
            rc.put(KEY, id);
            MDC.put("requestId", id);
            Span.current().setAttribute("alp.request_id", id);
            rc.request().headers().set(HEADER, id);
            String answered = id;
            // Set as the answer's headers go out, so an upstream's own X-Request-Id (the same id) is not repeated.
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, answered));
        }
        return id;
    }
}
