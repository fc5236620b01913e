package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.rest.PlacementApi.PlacementView;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.platform.web.Versions;

@Path("/api/v1/placements")
@Tag(name = "Placements", description = "Commissioning ALP placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {
    private final PlacementService placements;

    public PlacementResource(PlacementService placements) {
        this.placements = placements;
    }

    @POST
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(
            summary = "Commission a part-time placement, confirmed at once",
            description = "A school, the ALP Hub, or the SEND team in an emergency commissions it. Refused with a "
                    + "problem answer, each rule its own type: the provider is not approved and compliant on the "
                    + "start date; the timetable is full time (that needs an Inclusion Panel decision); it would "
                    + "put the pupil at or over the full-time threshold at an unregistered provider; it clashes "
                    + "with the pupil's timetable in another placement; or the reason is a setting named on an EHC "
                    + "plan and the pupil has no EHC plan.")
    @APIResponseSchema(
            value = PlacementView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response commission(@Valid @NotNull PlacementApi.CreatePlacement body, @Context UriInfo uri) {
        var placement = placements.commission(body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(placement.id.toString())
                        .build())
                .tag(Versions.etag(placement.version))
                .entity(PlacementView.of(placement))
                .build();
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Placements you may see, filtered by pupil, provider, panel decision, status, review "
                    + "needed (the provider was suspended or lapsed) or off the framework (a school's own "
                    + "checks); paged")
    public PageResult<PlacementView> list(
            @QueryParam("pupilId") UUID pupilId,
            @QueryParam("providerId") UUID providerId,
            @QueryParam("decisionId") UUID decisionId,
            @QueryParam("status") Placement.Status status,
            @QueryParam("reviewNeeded") Boolean reviewNeeded,
            @QueryParam("offFramework") Boolean offFramework,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var filter = new PlacementService.Filter(pupilId, providerId, decisionId, status, reviewNeeded, offFramework);
        var result = placements.list(filter, page, size);
        return PageResult.of(result, page, size, PlacementView::of);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A placement (its school, its provider, or authority staff only)")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response read(@PathParam("id") UUID id) {
        var placement = placements.read(id);
        return Response.ok(PlacementView.of(placement))
                .tag(Versions.etag(placement.version))
                .build();
    }
}
