package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.NeedToKnow;
import uk.gov.bristol.alp.placement.service.PlacementNeedToKnow;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/** What the provider must know to keep the pupil safe, for one placement. */
@Path("/api/v1/placements/{id}/need-to-know")
@Tag(name = "Placements", description = "Commissioning ALP placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NeedToKnowResource {
    private final PlacementNeedToKnow needToKnow;

    public NeedToKnowResource(PlacementNeedToKnow needToKnow) {
        this.needToKnow = needToKnow;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "What keeps the pupil safe: needs, risks, medical needs, strategies, the school contact and the "
                    + "family's emergency contacts (the provider: while the placement runs; while only proposed, "
                    + "without the contacts); every read audited")
    @APIResponseSchema(value = PlacementNeedToKnow.View.class, responseCode = "200", responseDescription = "OK")
    public Response read(@PathParam("id") UUID id) {
        PlacementNeedToKnow.View view = needToKnow.read(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(summary = "The pupil's school or the Hub writes what the provider must know (If-Match required)")
    @APIResponseSchema(value = PlacementNeedToKnow.View.class, responseCode = "200", responseDescription = "OK")
    public Response write(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NeedToKnow body) {
        needToKnow.write(id, ifMatch, body);
        return read(id);
    }
}
