package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.PlacementContact;
import uk.gov.bristol.alp.placement.domain.SafeguardingConcern;
import uk.gov.bristol.alp.placement.service.SafeguardingConcerns;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;

/**
 * Safeguarding concerns about placements: acknowledged, assigned, worked and closed (all audited). They are raised on
 * their placement ({@code POST /api/v1/placements/{id}/safeguarding-concerns}, {@link PlacementCareResource}).
 */
@Path("/api/v1/safeguarding-concerns")
@Tag(name = "Safeguarding", description = "Safeguarding concerns about placements, from raised to closed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SafeguardingResource {
    private final SafeguardingConcerns concerns;

    public SafeguardingResource(SafeguardingConcerns concerns) {
        this.concerns = concerns;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Safeguarding concerns, newest first (authority staff: all; a school or provider: its own "
                    + "placements'), by status and placement (audited)")
    public PageResult<ConcernView> list(
            @QueryParam("status") SafeguardingConcern.Status status,
            @QueryParam("placementId") UUID placementId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResult.of(concerns.list(status, placementId, page, size), page, size, ConcernView::of);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "One safeguarding concern with everything done about it (audited)")
    public ConcernView read(@PathParam("id") UUID id) {
        return ConcernView.of(concerns.read(id));
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(summary = "A Hub officer acknowledges a raised concern: it leaves the attention list")
    public ConcernView acknowledge(@PathParam("id") UUID id) {
        return ConcernView.of(concerns.acknowledge(id));
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(summary = "A Hub officer gives the concern to a named officer")
    public ConcernView assign(@PathParam("id") UUID id, @Valid @NotNull Assignment body) {
        return ConcernView.of(concerns.assign(id, body.assignee().strip()));
    }

    @POST
    @Path("{id}/actions")
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER})
    @Operation(summary = "Note what was done about an open concern (the Hub, the school or the provider)")
    public ConcernView noteAction(@PathParam("id") UUID id, @Valid @NotNull ActionNote body) {
        return ConcernView.of(concerns.noteAction(id, body.note().strip()));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(summary = "A Hub officer closes an acknowledged concern with its outcome")
    public ConcernView close(@PathParam("id") UUID id, @Valid @NotNull Closing body) {
        return ConcernView.of(concerns.close(
                id, body.outcome(), body.note() == null ? null : body.note().strip()));
    }

    public record NewConcern(
            @NotNull SafeguardingConcern.Severity severity,
            @NotBlank @Size(max = 4000) String summary) {}

    public record Assignment(@NotBlank @Size(max = 200) String assignee) {}

    public record ActionNote(@NotBlank @Size(max = 4000) String note) {}

    public record Closing(
            @NotNull SafeguardingConcern.Outcome outcome,
            @Size(max = 4000) String note) {}

    public record ConcernView(
            UUID id,
            UUID placementId,
            String schoolUrn,
            UUID providerId,
            UUID contactId,
            SafeguardingConcern.Severity severity,
            String summary,
            SafeguardingConcern.Status status,
            String raisedBy,
            PlacementContact.Party raisedByParty,
            OffsetDateTime raisedAt,
            String acknowledgedBy,
            OffsetDateTime acknowledgedAt,
            String assignedTo,
            List<SafeguardingConcern.Action> actions,
            SafeguardingConcern.Outcome outcome,
            String outcomeNote,
            String closedBy,
            OffsetDateTime closedAt) {
        static ConcernView of(SafeguardingConcern c) {
            return new ConcernView(
                    c.id,
                    c.placementId,
                    c.schoolUrn,
                    c.providerId,
                    c.contactId,
                    c.severity,
                    c.summary,
                    c.status,
                    c.raisedBy,
                    c.raisedByParty,
                    c.raisedAt,
                    c.acknowledgedBy,
                    c.acknowledgedAt,
                    c.assignedTo,
                    c.actions,
                    c.outcome,
                    c.outcomeNote,
                    c.closedBy,
                    c.closedAt);
        }
    }
}
