package uk.gov.bristol.alp.panel.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.rest.ReferralApi.DecisionView;
import uk.gov.bristol.alp.panel.rest.ReferralApi.ReferralSummary;
import uk.gov.bristol.alp.panel.rest.ReferralApi.ReferralView;
import uk.gov.bristol.alp.panel.service.DecisionService;
import uk.gov.bristol.alp.panel.service.ReferralService;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.platform.web.Versions;

@Path("/api/v1/referrals")
@Tag(name = "Referrals", description = "Referrals to the Bristol Inclusion Panel and its decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {
    private final ReferralService referrals;
    private final DecisionService decisions;

    public ReferralResource(ReferralService referrals, DecisionService decisions) {
        this.referrals = referrals;
        this.decisions = decisions;
    }

    @POST
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary = "Create a referral and submit it (refused, nothing kept, while graduated-response evidence "
                    + "or safeguarding information is missing), or with draft=true keep it as an incomplete draft")
    @APIResponseSchema(
            value = ReferralView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response create(
            @QueryParam("draft") @DefaultValue("false") boolean draft,
            @Valid @NotNull ReferralApi.SaveReferral body,
            @Context UriInfo uri) {
        Referral referral = referrals.create(body.toDraft(), !draft);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(referral.id.toString())
                        .build())
                .tag(Versions.etag(referral.version))
                .entity(view(referral))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(summary = "Replace a draft's or a returned referral's content (If-Match required)")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReferralApi.SaveReferral body) {
        Referral referral = referrals.update(id, body.toDraft(), ifMatch);
        return Response.ok(view(referral)).tag(Versions.etag(referral.version)).build();
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(summary = "Submit a draft, or resubmit a returned referral; the problem lists every missing part")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response submit(@PathParam("id") UUID id) {
        Referral referral = referrals.submit(id);
        return Response.ok(view(referral)).tag(Versions.etag(referral.version)).build();
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({Roles.HUB_OFFICER, Roles.PANEL_CHAIR, Roles.PANEL_MEMBER})
    @Operation(summary = "Return a submitted referral to its school for more information, saying what is needed")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response returnToSchool(@PathParam("id") UUID id, @Valid @NotNull ReferralApi.ReturnReferral body) {
        Referral referral = referrals.returnToSchool(id, body.reason().strip());
        return Response.ok(view(referral)).tag(Versions.etag(referral.version)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Referrals the caller may see (a school: its own), newest first; each listed one is audited")
    public PageResult<ReferralSummary> list(
            @QueryParam("status") Referral.Status status,
            @QueryParam("schoolUrn") String schoolUrn,
            @QueryParam("fairAccess") Boolean fairAccess,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var result = referrals.list(status, schoolUrn, fairAccess, page, size);
        return PageResult.of(result, page, size, r -> ReferralSummary.of(r, referrals.clockOf(r)));
    }

    @GET
    @Path("fair-access")
    @RolesAllowed({Roles.HUB_OFFICER, Roles.PANEL_CHAIR, Roles.PANEL_MEMBER, Roles.AUDITOR})
    @Operation(
            summary = "Open In-Year Fair Access cases with their 20-school-day clocks, nearest deadline first; "
                    + "overdue=true lists only those past it")
    public List<ReferralSummary> fairAccess(@QueryParam("overdue") @DefaultValue("false") boolean overdue) {
        return referrals.fairAccessCases(overdue).stream()
                .map(c -> ReferralSummary.of(c.referral(), c.clock()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A referral (its school, or authority staff); every read is audited")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200", responseDescription = "OK")
    public Response read(@PathParam("id") UUID id) {
        Referral referral = referrals.read(id);
        return Response.ok(view(referral)).tag(Versions.etag(referral.version)).build();
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.PANEL_CHAIR)
    @Operation(
            summary = "Record the panel's decision at a meeting (chair only). A referral has one current "
                    + "decision: a later one must name it in supersedes, with supersedeReason")
    @APIResponseSchema(
            value = DecisionView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response decide(
            @PathParam("id") UUID id, @Valid @NotNull ReferralApi.RecordDecision body, @Context UriInfo uri) {
        var decision = decisions.decide(id, body.toCommand());
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/referrals")
                        .path(id.toString())
                        .path("decisions")
                        .build())
                .entity(DecisionView.of(decision))
                .build();
    }

    @GET
    @Path("{id}/decisions")
    @Authenticated
    @Operation(summary = "Every decision on the referral, oldest first; the last one stands")
    public List<DecisionView> decisions(@PathParam("id") UUID id) {
        return decisions.chain(id).stream().map(DecisionView::of).toList();
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The referral's audit trail: every read and change, by whom and when")
    public List<AuditLog.Entry> audit(@PathParam("id") UUID id) {
        return referrals.auditTrail(id);
    }

    private ReferralView view(Referral referral) {
        return ReferralView.of(referral, referrals.clockOf(referral));
    }
}
