package uk.gov.bristol.alp.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page of a list carries {@code Link} headers (RFC 8288) to the first, previous, next and last pages, so a
 * client walks a list without building URLs. Each target is the request's own path and query with {@code page}
 * changed, as a path-absolute reference: it resolves the same through the gateway as at the service. A request
 * whose query is so long that the links would pass {@value #MAX_HEADER} characters gets none.
 */
public class PageLinks {
    static final int MAX_HEADER = 4096;

    @ServerResponseFilter
    public void links(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof PageResult<?> page)) {
            return;
        }
        URI asked = request.getUriInfo().getRequestUri();
        int last = Math.max(page.totalPages() - 1, 0);
        List<String> links = new ArrayList<>();
        links.add(link(asked, 0, "first"));
        if (page.page() > 0) {
            links.add(link(asked, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.page() < last) {
            links.add(link(asked, page.page() + 1, "next"));
        }
        links.add(link(asked, last, "last"));
        String header = String.join(", ", links);
        // Four copies of a very long query would pass the 8 KB of headers a proxy (the gateway among them) accepts.
        if (header.length() <= MAX_HEADER) {
            response.getHeaders().putSingle("Link", header);
        }
    }

    static String link(URI asked, int page, String relation) {
        URI target = UriBuilder.fromUri(asked).replaceQueryParam("page", page).build();
        String reference = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return "<" + reference + ">; rel=\"" + relation + "\"";
    }
}
