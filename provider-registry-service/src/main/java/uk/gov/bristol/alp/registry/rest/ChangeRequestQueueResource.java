package uk.gov.bristol.alp.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.registry.domain.ChangeRequest;
import uk.gov.bristol.alp.registry.service.ChangeRequests;

/** The registry's queue of providers' change requests. */
@Path("/api/v1/provider-change-requests")
@Tag(name = "Provider self-service", description = "A provider's own changes to its offer, for the registry to approve")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeRequestQueueResource {
    private final ChangeRequests requests;

    public ChangeRequestQueueResource(ChangeRequests requests) {
        this.requests = requests;
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Change requests by status (waiting ones by default), oldest first; paged")
    public PageResult<Waiting> list(
            @QueryParam("status") ChangeRequest.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResult.of(
                requests.queue(status, page, size),
                page,
                size,
                r -> new Waiting(r.id, r.providerId, r.status, r.requestedBy, r.requestedAt));
    }

    public record Waiting(
            UUID id, UUID providerId, ChangeRequest.Status status, String requestedBy, OffsetDateTime requestedAt) {}
}
