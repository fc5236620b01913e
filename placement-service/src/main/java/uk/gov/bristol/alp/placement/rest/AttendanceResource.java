package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.service.AttendanceService;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.platform.security.Roles;

@Path("/api/v1/placements")
@Tag(name = "Attendance", description = "Session marks from providers (2024 DfE codes), attendance and absence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttendanceResource {
    private final AttendanceService attendance;
    private final PlacementService placements;

    public AttendanceResource(AttendanceService attendance, PlacementService placements) {
        this.attendance = attendance;
        this.placements = placements;
    }

    @POST
    @Path("attendance-batches")
    @RolesAllowed({Roles.PROVIDER_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary = "Record a batch of session marks (up to 5,000); checked whole and stored whole, the latest "
                    + "mark for a session wins; the same batchId again is answered, not applied again")
    @APIResponseSchema(
            value = AttendanceService.Receipt.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    @APIResponse(
            responseCode = "200",
            description = "Already received: the same batch id again changes nothing",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AttendanceService.Receipt.class)))
    public Response record(@Valid @NotNull Batch body) {
        var receipt = attendance.record(
                body.batchId(),
                body.marks().stream()
                        .map(m -> m == null
                                ? null
                                : new AttendanceService.Mark(
                                        m.placementId(),
                                        m.date(),
                                        m.session(),
                                        m.code() == null ? null : m.code().strip()))
                        .toList());
        return Response.status(receipt.alreadyReceived() ? 200 : 201)
                .entity(receipt)
                .build();
    }

    @GET
    @Path("{id}/attendance")
    @Authenticated
    @Operation(
            summary =
                    "A placement's marks between two dates (default: its whole length so far), with its "
                            + "attendance rate over possible sessions and whether that is persistent absence (10 % or more missed)")
    public AttendanceService.Summary summary(
            @PathParam("id") UUID id, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Placement p = placements.read(id);
        return attendance.summary(
                p,
                from != null ? from : p.startDate,
                to != null ? to : (p.endDate != null ? p.endDate : p.plannedEndDate));
    }

    /** Each mark is checked by the service (one list of every mark's errors), not by Bean Validation per mark. */
    public record MarkBody(
            UUID placementId,
            LocalDate date,
            @Size(max = 2) String session,
            @Size(max = 2) String code) {}

    public record Batch(
            @NotNull UUID batchId,
            @NotEmpty @Size(max = 5000) List<MarkBody> marks) {}
}
