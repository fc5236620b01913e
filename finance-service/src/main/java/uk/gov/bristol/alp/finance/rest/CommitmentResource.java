package uk.gov.bristol.alp.finance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.service.CommitmentService;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;

@Path("/api/v1/finance/commitments")
@Tag(name = "Commitments", description = "Money committed to confirmed placements")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {
    private final CommitmentService commitments;

    public CommitmentResource(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.HUB_OFFICER, Roles.AUDITOR })
    @Operation(summary = "Commitments, by placement or provider; forecast = hours x rate x weeks, pence half-up")
    public PageResult<CommitmentView> find(@QueryParam("placementId") UUID placementId,
            @QueryParam("providerId") UUID providerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var result = commitments.find(placementId, providerId, page, size);
        return PageResult.of(result.items(), page, size, result.total(), CommitmentView::of);
    }

    public record CommitmentView(UUID id, UUID placementId, UUID providerId, BigDecimal hoursPerWeek,
            BigDecimal hourlyRate, LocalDate startDate, LocalDate plannedEndDate, BigDecimal weeks,
            BigDecimal forecastCost, Commitment.Status status, OffsetDateTime createdAt) {
        static CommitmentView of(Commitment c) {
            return new CommitmentView(c.id, c.placementId, c.providerId, c.hoursPerWeek, c.hourlyRate, c.startDate,
                    c.plannedEndDate, c.weeks, c.forecastCost, c.status, c.createdAt);
        }
    }
}
