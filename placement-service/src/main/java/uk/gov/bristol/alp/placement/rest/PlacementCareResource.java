package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.Oversight;
import uk.gov.bristol.alp.placement.domain.SafeguardingConcern;
import uk.gov.bristol.alp.placement.rest.CareApi.ContactView;
import uk.gov.bristol.alp.placement.rest.CareApi.ReviewView;
import uk.gov.bristol.alp.placement.rest.CareApi.TargetView;
import uk.gov.bristol.alp.placement.service.OversightService;
import uk.gov.bristol.alp.placement.service.PlacementCare;
import uk.gov.bristol.alp.placement.service.SafeguardingConcerns;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

@Path("/api/v1/placements")
@Tag(name = "While a placement runs", description = "Learning plan, reviews, contact log and the Hub's attention list")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementCareResource {
    private final PlacementCare care;
    private final OversightService oversight;
    private final SafeguardingConcerns safeguarding;

    public PlacementCareResource(PlacementCare care, OversightService oversight, SafeguardingConcerns safeguarding) {
        this.care = care;
        this.oversight = oversight;
        this.safeguarding = safeguarding;
    }

    @GET
    @Path("attention")
    @Authenticated
    @Operation(
            summary = "Placements needing attention now: not started after the start date, reviews overdue, "
                    + "contact overdue, persistent absence, pupils not arrived today, keep-in-touch contacts due, "
                    + "safeguarding concerns not yet acknowledged (and escalated), placements flagged for review (the "
                    + "Hub: all; a school or provider: its own)")
    public List<Oversight.Concern> attention(@QueryParam("kind") Oversight.Kind kind) {
        return oversight.attentionList(kind);
    }

    @GET
    @Path("{id}/learning-plan")
    @Authenticated
    @Operation(summary = "The placement's learning plan: outcomes broken into targets, with progress (audited)")
    public List<TargetView> learningPlan(@PathParam("id") UUID id) {
        return care.learningPlan(id).stream().map(TargetView::of).toList();
    }

    @POST
    @Path("{id}/learning-plan/targets")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(summary = "Add a target towards an outcome to the learning plan")
    @APIResponseSchema(
            value = TargetView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response addTarget(@PathParam("id") UUID id, @Valid @NotNull CareApi.NewTarget body) {
        var t = care.addTarget(id, body.outcome().strip(), body.target().strip(), body.progress());
        return Response.status(Response.Status.CREATED)
                .tag(Versions.etag(t.version))
                .entity(TargetView.of(t))
                .build();
    }

    @PUT
    @Path("{id}/learning-plan/targets/{targetId}/progress")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(summary = "Record progress on a target (If-Match required: 428 without, 412 when stale)")
    @APIResponseSchema(value = TargetView.class, responseCode = "200", responseDescription = "OK")
    public Response progress(
            @PathParam("id") UUID id,
            @PathParam("targetId") UUID targetId,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CareApi.Progress body) {
        var t = care.recordProgress(id, targetId, ifMatch, body.progress(), body.note());
        return Response.ok(TargetView.of(t)).tag(Versions.etag(t.version)).build();
    }

    @GET
    @Path("{id}/reviews")
    @Authenticated
    @Operation(summary = "The placement's reviews, oldest first (audited)")
    public List<ReviewView> reviews(@PathParam("id") UUID id) {
        return care.reviews(id).stream().map(ReviewView::of).toList();
    }

    @POST
    @Path("{id}/reviews")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(
            summary = "Record a review held, with the pupil's voice; the next must be due within the review interval "
                    + "(half-termly)")
    @APIResponseSchema(value = ReviewView.class, responseCode = "200", responseDescription = "OK")
    public Response review(@PathParam("id") UUID id, @Valid @NotNull CareApi.NewReview body) {
        var r = care.recordReview(
                id,
                body.heldOn(),
                body.attendees().strip(),
                body.summary().strip(),
                body.pupilVoice().strip(),
                body.decision(),
                body.nextReviewBy());
        return Response.status(Response.Status.CREATED).entity(ReviewView.of(r)).build();
    }

    @GET
    @Path("{id}/contacts")
    @Authenticated
    @Operation(summary = "Contact between school and provider, and keep-in-touch contacts, oldest first (audited)")
    public List<ContactView> contacts(@PathParam("id") UUID id) {
        return care.contacts(id).stream().map(ContactView::of).toList();
    }

    @POST
    @Path("{id}/contacts")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(
            summary = "Log a contact (at least weekly while the placement runs); a safeguarding concern in it "
                    + "becomes a safeguarding concern record and alerts the Hub at once")
    @APIResponseSchema(
            value = ContactView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response contact(@PathParam("id") UUID id, @Valid @NotNull CareApi.NewContact body) {
        var c = care.recordContact(
                id, body.contactOn(), body.method(), body.summary().strip(), body.safeguardingConcern());
        return Response.status(Response.Status.CREATED)
                .entity(ContactView.of(c))
                .build();
    }

    @POST
    @Path("{id}/family-agreement")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary = "Record the family's agreement to the placement and the plan for the rest of the pupil's week "
                    + "(a carer with parental responsibility on the pupil's record)")
    public PlacementApi.PlacementView familyAgreement(
            @PathParam("id") UUID id, @Valid @NotNull CareApi.NewFamilyAgreement body) {
        return PlacementApi.PlacementView.of(care.recordFamilyAgreement(
                id, body.agreedOn(), body.agreedWith(), body.restOfWeekPlan().strip()));
    }

    @POST
    @Path("{id}/safeguarding-concerns")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(
            summary = "Raise a safeguarding concern about a placement (its school, its provider or the Hub): on the "
                    + "Hub's attention list and announced at once")
    @APIResponseSchema(
            value = SafeguardingResource.ConcernView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response raise(@PathParam("id") UUID placementId, @Valid @NotNull SafeguardingResource.NewConcern body) {
        SafeguardingConcern c =
                safeguarding.raise(placementId, body.severity(), body.summary().strip(), null);
        return Response.created(URI.create("/api/v1/safeguarding-concerns/" + c.id))
                .entity(SafeguardingResource.ConcernView.of(c))
                .build();
    }
}
