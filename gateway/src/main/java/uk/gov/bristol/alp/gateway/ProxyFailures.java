package uk.gov.bristol.alp.gateway;

import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import org.jboss.logging.Logger;

/** The problem answer when no instance of an upstream answered: 503 none reachable, 504 too slow, else 502. */
final class ProxyFailures {
    private static final Logger LOG = Logger.getLogger(ProxyFailures.class);

    private ProxyFailures() {}

    /** The caller closed its connection mid-request (seen when a load generator stops): not an outage. */
    static boolean callerLeft(Throwable failure) {
        return failure instanceof StreamResetException;
    }

    static ProxyResponse answer(ProxyContext ctx, Throwable failure) {
        Problems.Kind kind = failure instanceof ConnectException
                ? Problems.Kind.UNAVAILABLE
                : UpstreamProxy.isTimeout(failure) ? Problems.Kind.TIMEOUT : Problems.Kind.BAD_GATEWAY;
        var request = ctx.request().proxiedRequest();
        String requestId = request.getHeader(RequestIds.HEADER);
        if (callerLeft(failure)) {
            LOG.debugf("request %s: caller went away during %s %s", requestId, request.method(), request.path());
        } else {
            LOG.warnf(
                    "request %s: upstream failed for %s %s: %s", requestId, request.method(), request.path(), failure);
        }
        ProxyResponse response = ctx.request()
                .response()
                .setStatusCode(kind.status)
                .setBody(Body.body(Problems.body(
                        kind, "the service behind " + request.path() + " did not answer", request.path(), requestId)));
        response.headers().set("Content-Type", Problems.MEDIA_TYPE);
        return response;
    }
}
