package uk.gov.bristol.alp.platform.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id of the current unit of work (an HTTP request or an event being handled). Carried in
 * the logging MDC and in a request-scoped holder; events take it as their {@code correlationid}.
 */
@ApplicationScoped
public class Correlation {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RequestIdHolder holder;

    public Correlation(RequestIdHolder holder) {
        this.holder = holder;
    }

    /** Adopt a well-formed incoming id, or make a new one. */
    public String begin(String incoming) {
        String id = incoming != null && ACCEPTED.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            holder.set(id);
        }
        MDC.put(MDC_KEY, id);
        return id;
    }

    public String current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive() && holder.get() != null) {
            return holder.get();
        }
        Object fromMdc = MDC.get(MDC_KEY);
        if (fromMdc != null) {
            return fromMdc.toString();
        }
        return begin(null);
    }
}
