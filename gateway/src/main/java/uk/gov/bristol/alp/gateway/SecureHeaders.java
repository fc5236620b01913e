package uk.gov.bristol.alp.gateway;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browser-facing security headers on every answer that leaves the system, set at the front door so no
 * upstream can omit them: no content sniffing, no framing, no referrer, HTTPS only for a year once seen over HTTPS
 * (HSTS), and for API answers (JSON, never a page) a content security policy that allows nothing. Swagger UI under
 * {@code /q/} needs its scripts, so it gets no content security policy. Caching is the services' rule (personal data
 * is {@code no-store}; the public directory is cacheable), so it is left to them.
 */
@ApplicationScoped
public class SecureHeaders {
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(-600).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        boolean api = rc.normalizedPath().startsWith("/api/");
        rc.addHeadersEndHandler(v -> {
            HttpServerResponse response = rc.response();
            response.headers()
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "no-referrer")
                    .set("Strict-Transport-Security", HSTS);
            if (api) {
                response.headers().set("Content-Security-Policy", API_POLICY);
            }
        });
        rc.next();
    }
}
