package uk.gov.bristol.alp.finance.rest;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.finance.domain.ApprovalProtocol;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.finance.domain.Segment;
import uk.gov.bristol.alp.finance.service.CommitmentService;
import uk.gov.bristol.alp.finance.service.CommitmentYears;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.platform.web.Versions;

@Path("/api/v1/finance/commitments")
@Tag(name = "Commitments", description = "Money committed to confirmed placements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.HUB_OFFICER, Roles.AUDITOR})
public class CommitmentResource {
    private final CommitmentService commitments;
    private final Clock clock;
    private final ApprovalProtocol protocol;

    public CommitmentResource(CommitmentService commitments, Clock clock, ApprovalProtocol protocol) {
        this.commitments = commitments;
        this.clock = clock;
        this.protocol = protocol;
    }

    @GET
    @Operation(
            summary = "Commitments, by placement or provider; forecast = hours x rate x term weeks, "
                    + "split by financial year, pence half-up; uncoded=true lists those whose placement named a cost "
                    + "code finance does not have (requestedCostCode), to be coded")
    public PageResult<CommitmentView> find(
            @QueryParam("placementId") UUID placementId,
            @QueryParam("providerId") UUID providerId,
            @QueryParam("uncoded") @DefaultValue("false") boolean uncoded,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var result = commitments.find(placementId, providerId, uncoded, page, size);
        return PageResult.of(result, page, size, c -> CommitmentView.of(c, commitments.yearsOf(c.id)));
    }

    @GET
    @Path("pending-approval")
    @Operation(
            summary = "Commitments waiting for a finance officer's approval, longest-waiting first, with "
                    + "how long each has waited and the time it is due by (alp.finance.approval.target; shorter for "
                    + "EHC-plan pupils, who must not wait at home for sign-off)")
    public List<PendingApproval> pending() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return commitments.pendingApproval().stream()
                .map(c -> {
                    OffsetDateTime dueBy = protocol.dueBy(c);
                    return new PendingApproval(
                            CommitmentView.of(c, commitments.yearsOf(c.id)),
                            Duration.between(c.createdAt, now).toDays(),
                            dueBy,
                            now.isAfter(dueBy));
                })
                .toList();
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(
            summary = "Approve a high-cost or EHC-plan commitment (finance officers only), as read: If-Match with its "
                    + "version is required, so a commitment revised since it was read is not approved unseen")
    @APIResponseSchema(value = CommitmentView.class, responseCode = "200", responseDescription = "OK")
    public Response approve(
            @PathParam("id") UUID id, @Valid @NotNull Approve body, @HeaderParam("If-Match") String ifMatch) {
        return viewOf(commitments.approve(id, body.note().strip(), ifMatch));
    }

    @POST
    @Path("{id}/cost-code")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Code (or recode) a commitment with a registered cost code; If-Match required")
    @APIResponseSchema(value = CommitmentView.class, responseCode = "200", responseDescription = "OK")
    public Response code(@PathParam("id") UUID id, @Valid @NotNull Code body, @HeaderParam("If-Match") String ifMatch) {
        return viewOf(commitments.code(id, body.costCode().strip(), ifMatch));
    }

    /** After the change committed: the version is the one the change made. */
    private Response viewOf(Commitment c) {
        return Response.ok(CommitmentView.of(c, commitments.yearsOf(c.id)))
                .tag(Versions.etag(c.version))
                .build();
    }

    public record Approve(@NotBlank @Size(max = 1000) String note) {}

    public record Code(@NotBlank @Size(max = 30) String costCode) {}

    public record PendingApproval(CommitmentView commitment, long waitingDays, OffsetDateTime dueBy, boolean overdue) {}

    /** rate is the amount per rateUnit (an hourly or a weekly rate); null while no rate is agreed. */
    public record CommitmentView(
            UUID id,
            UUID placementId,
            UUID providerId,
            String costCode,
            String requestedCostCode,
            boolean ehcPlan,
            boolean ehcNeedsAssessment,
            BigDecimal hoursPerWeek,
            BigDecimal rate,
            Rate.Unit rateUnit,
            Rate.Source rateSource,
            LocalDate startDate,
            LocalDate plannedEndDate,
            LocalDate endDate,
            List<Segment> segments,
            BigDecimal weeks,
            BigDecimal forecastCost,
            List<CommitmentYears.Share> years,
            BigDecimal released,
            Commitment.Status status,
            Commitment.Approval approval,
            List<String> approvalReasons,
            String approvedBy,
            OffsetDateTime approvedAt,
            boolean overBudget,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {
        static CommitmentView of(Commitment c, List<CommitmentYears.Share> years) {
            return new CommitmentView(
                    c.id,
                    c.placementId,
                    c.providerId,
                    c.costCode,
                    c.requestedCostCode,
                    c.ehcPlan,
                    c.ehcNeedsAssessment,
                    c.hoursPerWeek,
                    c.hourlyRate,
                    c.hourlyRate == null ? null : c.rateUnit,
                    c.rateSource,
                    c.startDate,
                    c.plannedEndDate,
                    c.endDate,
                    c.segments,
                    c.weeks,
                    c.forecastCost,
                    years,
                    c.released,
                    c.status,
                    c.approval,
                    c.approvalReasons,
                    c.approvedBy,
                    c.approvedAt,
                    c.overBudget,
                    c.createdAt,
                    c.updatedAt,
                    c.version);
        }
    }
}
