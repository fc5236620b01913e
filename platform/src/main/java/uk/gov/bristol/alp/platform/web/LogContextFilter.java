package uk.gov.bristol.alp.platform.web;

import io.opentelemetry.api.trace.Span;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.TreeSet;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names the caller's roles (never the person) in every log line of a request ({@code callerRole} in the MDC) and on
 * its span, beside the request id, which the span carries too so a caller's X-Request-Id finds its trace.
 */
public class LogContextFilter {
    public static final String MDC_ROLE = "callerRole";

    private final SecurityIdentity identity;
    private final Correlation correlation;

    public LogContextFilter(SecurityIdentity identity, Correlation correlation) {
        this.identity = identity;
        this.correlation = correlation;
    }

    @ServerRequestFilter
    public void name(ContainerRequestContext request) {
        String roles = identity.isAnonymous() ? "anonymous" : String.join(",", new TreeSet<>(identity.getRoles()));
        MDC.put(MDC_ROLE, roles);
        Span span = Span.current();
        span.setAttribute("alp.caller.roles", roles);
        span.setAttribute("alp.request_id", correlation.current());
    }
}
