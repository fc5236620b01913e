package uk.gov.bristol.alp.gateway;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Adopts a well-formed incoming X-Request-Id or makes one; it travels upstream and back to the caller. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String KEY = "alp.request-id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static String of(RoutingContext rc) {
        String id = rc.get(KEY);
        if (id == null) {
            String incoming = rc.request().getHeader(HEADER);
            id = incoming != null && ACCEPTED.matcher(incoming).matches()
                    ? incoming
                    : UUID.randomUUID().toString();
            rc.put(KEY, id);
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
        }
        return id;
    }
}
