package uk.gov.bristol.alp.panel.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.panel.service.PanelReports;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Roles;

@Path("/api/v1/panel-reports")
@Tag(name = "Panel reports", description = "The authority's counts of referrals, outcomes and characteristics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HUB_OFFICER, Roles.PANEL_CHAIR, Roles.AUDITOR})
public class ReportResource {
    private final PanelReports reports;

    public ReportResource(PanelReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("referrals")
    @Operation(
            summary = "Referrals first submitted between two dates (inclusive): by school, by outcome, by pupil "
                    + "characteristics (with placements approved for each), and days from submission to decision")
    public PanelReports.ReferralReport referrals(
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "the range ends before it starts",
                    List.of(new FieldError("to", "onOrAfterFrom", "must be on or after from")));
        }
        return reports.referrals(from, to);
    }
}
