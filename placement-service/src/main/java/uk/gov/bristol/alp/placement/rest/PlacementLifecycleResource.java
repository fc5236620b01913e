package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementStep;
import uk.gov.bristol.alp.placement.domain.Timetable;
import uk.gov.bristol.alp.placement.domain.TransitionPlan;
import uk.gov.bristol.alp.placement.rest.PlacementApi.PlacementView;
import uk.gov.bristol.alp.placement.rest.PlacementApi.Session;
import uk.gov.bristol.alp.placement.service.PlacementLifecycle;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.placement.service.SchoolChecks;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/** The steps of a placement's life; each takes an optional If-Match (412 when stale) and answers the new state. */
@Path("/api/v1/placements/{id}")
@Tag(name = "Placements", description = "Commissioning ALP placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
public class PlacementLifecycleResource {
    private final PlacementLifecycle lifecycle;
    private final PlacementService placements;
    private final SchoolChecks schoolChecks;

    public PlacementLifecycleResource(
            PlacementLifecycle lifecycle, PlacementService placements, SchoolChecks schoolChecks) {
        this.lifecycle = lifecycle;
        this.placements = placements;
        this.schoolChecks = schoolChecks;
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(summary = "Confirm a proposed placement (ALP Hub); the provider must be approved and compliant")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(lifecycle.confirm(id, ifMatch, null));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record that the pupil has started (confirmed -> active), on or after the start date")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(lifecycle.activate(id, ifMatch));
    }

    @PUT
    @Path("timetable")
    @Operation(summary = "Revise the weekly timetable from a date (hours are recomputed; finance re-forecasts)")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response revise(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Revise body) {
        Timetable timetable = new Timetable(body.timetable().stream()
                .map(s -> new Timetable.Session(s.day(), s.start(), s.end()))
                .toList());
        return answer(lifecycle.revise(
                id,
                ifMatch,
                timetable,
                body.effectiveFrom(),
                body.plannedEndDate(),
                body.reason().strip()));
    }

    @POST
    @Path("end")
    @Operation(
            summary = "End the placement on its last day, saying how it ended (outcome) and where the pupil goes "
                    + "(the transition plan's destination); refused without a transition plan")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response end(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull End body) {
        return answer(lifecycle.end(
                id, ifMatch, body.endDate(), body.outcome(), body.reason().strip(), body.transitionPlan()));
    }

    @POST
    @Path("cancel")
    @Operation(summary = "Cancel a placement that has not started")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response cancel(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Cancel body) {
        return answer(lifecycle.cancel(id, ifMatch, body.reason().strip()));
    }

    @POST
    @Path("reviewed")
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(
            summary = "The Hub records that a placement flagged for review (provider lapsed, panel decision "
                    + "superseded) was reviewed, and what was decided: it leaves the attention list")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response reviewed(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull Reviewed body) {
        return answer(placements.markReviewed(id, ifMatch, body.note().strip()));
    }

    @GET
    @Path("checks")
    @Authenticated
    @Operation(
            summary = "The checks behind the placement: the framework's standing of its provider and the school's own "
                    + "checks (the ones an off-framework placement rests on) (audited)")
    public PlacementChecksView checks(@PathParam("id") UUID id) {
        SchoolChecks.PlacementChecks c = schoolChecks.forPlacement(id);
        return new PlacementChecksView(
                c.placementId(),
                c.offFramework(),
                c.framework(),
                c.school().stream().map(SchoolChecksResource.CheckView::of).toList());
    }

    public record PlacementChecksView(
            UUID placementId,
            boolean offFramework,
            SchoolChecks.Framework framework,
            List<SchoolChecksResource.CheckView> school) {}

    @GET
    @Path("steps")
    @Authenticated
    @Operation(summary = "Every step of the placement's life: from, to, what, why, by whom, when")
    public List<StepView> steps(@PathParam("id") UUID id) {
        return lifecycle.steps(id).stream().map(StepView::of).toList();
    }

    private static Response answer(Placement p) {
        return Response.ok(PlacementView.of(p)).tag(Versions.etag(p.version)).build();
    }

    public record Revise(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull Session> timetable,
            @NotNull LocalDate effectiveFrom,
            LocalDate plannedEndDate,
            @NotBlank @Size(max = 2000) String reason) {}

    public record End(
            @NotNull LocalDate endDate,
            @NotNull Placement.Outcome outcome,
            @NotBlank @Size(max = 2000) String reason,
            @Valid TransitionPlan transitionPlan) {}

    public record Cancel(@NotBlank @Size(max = 2000) String reason) {}

    public record Reviewed(@NotBlank @Size(max = 2000) String note) {}

    public record StepView(
            Placement.Status fromStatus,
            Placement.Status toStatus,
            String what,
            String reason,
            String takenBy,
            OffsetDateTime takenAt) {
        static StepView of(PlacementStep s) {
            return new StepView(s.fromStatus, s.toStatus, s.what, s.reason, s.takenBy, s.takenAt);
        }
    }
}
