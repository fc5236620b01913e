package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.Carer;
import uk.gov.bristol.alp.placement.domain.EhcNeedsAssessment;
import uk.gov.bristol.alp.placement.rest.PlacementApi.PlacementView;
import uk.gov.bristol.alp.placement.rest.PlacementApi.PupilView;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.placement.service.PupilService;
import uk.gov.bristol.alp.placement.service.PupilTransfers;
import uk.gov.bristol.alp.platform.identifiers.ValidUpn;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

@Path("/api/v1/pupils")
@Tag(name = "Pupils", description = "Pupils in ALP; a school sees only its own")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PupilResource {
    private final PupilService pupils;
    private final PlacementService placements;

    private final PupilTransfers transfers;
    private final Clock clock;

    public PupilResource(PupilService pupils, PlacementService placements, PupilTransfers transfers, Clock clock) {
        this.pupils = pupils;
        this.placements = placements;
        this.transfers = transfers;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(summary = "Record a pupil (a school: only pupils on its own roll)")
    @APIResponseSchema(
            value = PupilView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response create(@Valid @NotNull PlacementApi.CreatePupil body, @Context UriInfo uri) {
        var pupil = pupils.create(body.toCommand());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(pupil.id.toString()).build())
                .tag(Versions.etag(pupil.version))
                .entity(PupilView.of(pupil))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER, Roles.PANEL_CHAIR, Roles.AUDITOR})
    @Operation(
            summary = "Find a pupil by UPN within your scope (audited)",
            description =
                    "For a school's MIS: the school's own record of the pupil with this UPN (an empty list when it "
                            + "has none, whether or not another school has one); authority staff get every school's record of "
                            + "the pupil. The UPN is never written in the access log.")
    public List<PupilView> findByUpn(@QueryParam("upn") @NotNull @ValidUpn String upn) {
        return pupils.findByUpn(upn).stream().map(PupilView::of).toList();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A pupil's record (audited)")
    @APIResponseSchema(value = PupilView.class, responseCode = "200", responseDescription = "OK")
    public Response read(@PathParam("id") UUID id) {
        var pupil = pupils.read(id);
        return Response.ok(PupilView.of(pupil))
                .tag(Versions.etag(pupil.version))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary = "Replace what may change of a pupil's record: If-Match required (428 without, 412 stale); "
                    + "the UPN and school stay (audited)")
    @APIResponseSchema(value = PupilView.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlacementApi.UpdatePupil body) {
        var pupil = pupils.update(id, ifMatch, body.toCommand());
        return Response.ok(PupilView.of(pupil))
                .tag(Versions.etag(pupil.version))
                .build();
    }

    @GET
    @Path("{id}/carers")
    @Authenticated
    @Operation(summary = "The pupil's parents and carers (the pupil's school and authority staff; audited)")
    public List<Carer> carers(@PathParam("id") UUID id) {
        return pupils.carers(id);
    }

    @PUT
    @Path("{id}/carers")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary = "Replace the pupil's parents and carers: If-Match required (the pupil record's ETag); each "
                    + "reachable the way they prefer (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The pupil's carers now",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Carer.class)))
    public Response replaceCarers(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Size(max = 10) List<@Valid @NotNull Carer> body) {
        var pupil = pupils.replaceCarers(id, ifMatch, body);
        return Response.ok(pupil.carers).tag(Versions.etag(pupil.version)).build();
    }

    @PUT
    @Path("{id}/ehc-needs-assessment")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.SEND_OFFICER, Roles.HUB_OFFICER})
    @Operation(
            summary =
                    "Record where the pupil's EHC needs assessment stands; the decision (6 weeks) and plan (20 weeks) "
                            + "due dates follow from the request date (audited)")
    @APIResponseSchema(value = PupilView.class, responseCode = "200", responseDescription = "OK")
    public Response ehcNeedsAssessment(@PathParam("id") UUID id, @Valid @NotNull NewEhcNeedsAssessment body) {
        var pupil = pupils.recordEhcNeedsAssessment(id, body.requestedOn(), body.status());
        return Response.ok(PupilView.of(pupil))
                .tag(Versions.etag(pupil.version))
                .build();
    }

    public record NewEhcNeedsAssessment(
            @NotNull LocalDate requestedOn, @NotNull EhcNeedsAssessment.Status status) {}

    @POST
    @Path("{id}/transfers")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(summary = "Ask for the pupil's move to another school, for the Hub to agree (audited)")
    @APIResponseSchema(
            value = PupilTransferResource.TransferView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response requestTransfer(@PathParam("id") UUID id, @Valid @NotNull PupilTransferResource.NewTransfer body) {
        var t = transfers.request(
                id, body.toSchoolUrn(), body.effectiveFrom(), body.reason().strip());
        return Response.status(Response.Status.CREATED)
                .entity(PupilTransferResource.TransferView.of(t))
                .build();
    }

    @GET
    @Path("{id}/week")
    @Authenticated
    @Operation(summary = "The pupil's week on a date (default today): hours at providers against the school week")
    public PlacementApi.PupilWeekView week(@PathParam("id") UUID id, @QueryParam("on") LocalDate on) {
        return PlacementApi.PupilWeekView.of(placements.weekOf(id, on != null ? on : LocalDate.now(clock)));
    }

    @GET
    @Path("{id}/placements")
    @Authenticated
    @Operation(summary = "A pupil's placements, oldest first (audited)")
    public List<PlacementView> placements(@PathParam("id") UUID id) {
        return placements.forPupil(id).stream().map(PlacementView::of).toList();
    }
}
