package uk.gov.bristol.alp.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.domain.ChangeRequest;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;
import uk.gov.bristol.alp.registry.service.ChangeRequests;

/** A provider proposes changes to its own offer; the registry approves or rejects them. */
@Path("/api/v1/providers/{id}/change-requests")
@Tag(name = "Provider self-service", description = "A provider's own changes to its offer, for the registry to approve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {
    private final ChangeRequests requests;

    public ChangeRequestResource(ChangeRequests requests) {
        this.requests = requests;
    }

    @POST
    @RolesAllowed(Roles.PROVIDER_STAFF)
    @Operation(
            summary = "The provider proposes its whole offer (sites, contacts, specialisms, rates...) as a change "
                    + "request, one waiting at a time; the answer names what would change")
    @APIResponseSchema(
            value = RequestView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response propose(@PathParam("id") UUID id, @Valid @NotNull Request body, @Context UriInfo uri) {
        ChangeRequests.Proposed p = requests.request(id, body.details().toDomain(), body.note());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(p.request().id.toString())
                        .build())
                .entity(RequestView.of(p))
                .build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The provider's change requests, newest first (those who see its full record)")
    public List<RequestView> list(@PathParam("id") UUID id) {
        return requests.of(id).stream().map(RequestView::of).toList();
    }

    @POST
    @Path("{requestId}/approve")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(
            summary = "Approve a waiting request: the offer is replaced and published (refused if the offer changed "
                    + "since the request was made)")
    public RequestView approve(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId, @Valid Decision body) {
        return RequestView.of(requests.approve(id, requestId, body == null ? null : body.note()));
    }

    @POST
    @Path("{requestId}/reject")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Reject a waiting request, saying why")
    public RequestView reject(
            @PathParam("id") UUID id, @PathParam("requestId") UUID requestId, @Valid @NotNull Rejection body) {
        return RequestView.of(requests.reject(id, requestId, body.reason().strip()));
    }

    @POST
    @Path("{requestId}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PROVIDER_STAFF)
    @Operation(summary = "The provider withdraws its waiting request")
    public RequestView withdraw(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return RequestView.of(requests.withdraw(id, requestId));
    }

    public record Request(
            @Valid @NotNull ProviderApi.Details details,
            @Size(max = 2000) String note) {}

    public record Decision(@Size(max = 2000) String note) {}

    public record Rejection(@NotBlank @Size(max = 2000) String reason) {}

    /** {@code changes}: the details the request would change in the offer as it stands now. */
    public record RequestView(
            UUID id,
            UUID providerId,
            ChangeRequest.Status status,
            ProviderDetails details,
            String changes,
            String note,
            String requestedBy,
            OffsetDateTime requestedAt,
            String decidedBy,
            OffsetDateTime decidedAt,
            String decisionNote) {
        static RequestView of(ChangeRequests.Proposed p) {
            ChangeRequest r = p.request();
            return new RequestView(
                    r.id,
                    r.providerId,
                    r.status,
                    r.details,
                    p.changes(),
                    r.note,
                    r.requestedBy,
                    r.requestedAt,
                    r.decidedBy,
                    r.decidedAt,
                    r.decisionNote);
        }
    }
}
