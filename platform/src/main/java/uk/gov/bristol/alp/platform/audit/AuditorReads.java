package uk.gov.bristol.alp.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Every read by an auditor is itself on the audit trail (docs/access-matrix.md): an auditor sees every
 * school's records, so who looked at what must be answerable. The path and query are recorded before the
 * resource runs, so nothing leaves the service unrecorded; a read that cannot be recorded is not served.
 */
public class AuditorReads {
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public AuditorReads(SecurityIdentity identity, AuditLog audit) {
        this.identity = identity;
        this.audit = audit;
    }

    @ServerRequestFilter
    public void recordAuditorRead(ContainerRequestContext request, UriInfo uri) {
        if (!"GET".equals(request.getMethod()) || identity.isAnonymous() || !identity.hasRole(Roles.AUDITOR)) {
            return;
        }
        String query = uri.getRequestUri().getRawQuery();
        String target = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(AuditLog.Action.READ, "api", target, "read by an auditor"));
    }
}
