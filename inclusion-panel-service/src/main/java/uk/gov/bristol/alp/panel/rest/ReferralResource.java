package uk.gov.bristol.alp.panel.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.panel.rest.ReferralApi.DecisionView;
import uk.gov.bristol.alp.panel.rest.ReferralApi.ReferralView;
import uk.gov.bristol.alp.panel.service.ReferralService;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

@Path("/api/v1/referrals")
@Tag(name = "Referrals", description = "Referrals to the Bristol Inclusion Panel and its decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {
    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @POST
    @RolesAllowed({ Roles.SCHOOL_STAFF, Roles.HUB_OFFICER })
    @Operation(summary = "Submit a referral; refused unless it has graduated-response evidence and safeguarding information")
    public Response submit(@Valid @NotNull ReferralApi.SubmitReferral body, @Context UriInfo uri) {
        var referral = referrals.submit(body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id.toString()).build())
                .tag(Versions.etag(referral.version)).entity(ReferralView.of(referral)).build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A referral (its school, or authority staff); every read is audited")
    public Response read(@PathParam("id") UUID id) {
        var referral = referrals.read(id);
        return Response.ok(ReferralView.of(referral)).tag(Versions.etag(referral.version)).build();
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.PANEL_CHAIR)
    @Operation(summary = "Record the panel's decision (chair only, one per referral)")
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull ReferralApi.RecordDecision body,
            @Context UriInfo uri) {
        var decision = referrals.decide(id, body.toCommand());
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(DecisionView.of(decision)).build();
    }
}
