package uk.gov.bristol.alp.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adopts the caller's (or the gateway's) X-Request-Id, or makes one, and echoes it on every answer. */
public class RequestIdFilters {
    private final Correlation correlation;

    public RequestIdFilters(Correlation correlation) {
        this.correlation = correlation;
    }

    @ServerRequestFilter(preMatching = true)
    public void adopt(ContainerRequestContext request) {
        correlation.begin(request.getHeaderString(Correlation.HEADER));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(Correlation.HEADER, correlation.current());
    }
}
