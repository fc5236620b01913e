package uk.gov.bristol.alp.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own RFC 9457 answers. Type URIs are those of alp-platform's ProblemType; the gateway
 * keeps no dependency on the platform library because that brings a database and Kafka with it.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://alp.bristol.gov.uk/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind {
        UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
        NOT_FOUND(404, "not-found", "Not found"),
        BAD_GATEWAY(502, "bad-gateway", "The service answered badly"),
        UNAVAILABLE(503, "service-unavailable", "The service is not available"),
        TIMEOUT(504, "gateway-timeout", "The service did not answer in time");

        final int status;
        final String slug;
        final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private Problems() {}

    static Buffer body(Kind kind, String detail, String instance, String requestId) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", BASE + kind.slug);
        p.put("title", kind.title);
        p.put("status", kind.status);
        p.put("detail", detail);
        p.put("instance", instance);
        p.put("requestId", requestId);
        return Buffer.buffer(p.toString());
    }

    static void send(RoutingContext rc, Kind kind, String detail) {
        var response = rc.response().setStatusCode(kind.status).putHeader("Content-Type", MEDIA_TYPE);
        if (kind == Kind.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"alp\"");
        }
        response.end(body(kind, detail, rc.request().path(), RequestIds.of(rc)));
    }
}
