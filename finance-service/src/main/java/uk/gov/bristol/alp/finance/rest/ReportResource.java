package uk.gov.bristol.alp.finance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.finance.domain.FinancialYear;
import uk.gov.bristol.alp.finance.service.BudgetPositionReport;
import uk.gov.bristol.alp.finance.service.ValueForMoneyReport;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Csv;

/** Finance reports, as JSON or (Accept: text/csv) as CSV for spreadsheets. */
@Path("/api/v1/finance/reports")
@Tag(name = "Finance reports", description = "Budget position, unit costs and value for money")
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.HUB_OFFICER, Roles.AUDITOR})
public class ReportResource {
    static final String CSV = Csv.MEDIA_TYPE;
    private final BudgetPositionReport budgetPosition;
    private final ValueForMoneyReport valueForMoney;
    private final Clock clock;

    public ReportResource(BudgetPositionReport budgetPosition, ValueForMoneyReport valueForMoney, Clock clock) {
        this.budgetPosition = budgetPosition;
        this.valueForMoney = valueForMoney;
        this.clock = clock;
    }

    @GET
    @Path("value-for-money")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Unit costs per provider for a financial year (per hour, per pupil-week) and providers of "
                    + "the same specialism compared with its median cost per hour")
    public ValueForMoneyReport.Report valueForMoney(@QueryParam("year") String year) {
        return valueForMoney.of(year(year));
    }

    @GET
    @Path("budget-position")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Budget position for a financial year (default: this one): budget, committed, pending "
                    + "approval, forecast outturn and remaining, by cost code with roll-ups")
    public BudgetPositionReport.Position budgetPosition(@QueryParam("year") String year) {
        return budgetPosition.of(year(year));
    }

    @GET
    @Path("budget-position")
    @Produces(CSV)
    @Operation(summary = "The budget position by cost code as CSV")
    @APIResponse(
            responseCode = "200",
            description = "CSV, one header line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response budgetPositionCsv(@QueryParam("year") String year) {
        var position = budgetPosition.of(year(year));
        String header = "financial_year,cost_code,cost_centre,budget_line,funding_stream,budget,committed,"
                + "pending_approval,invoiced,forecast_outturn,remaining,commitments_awaiting_a_rate";
        List<List<String>> rows = position.byCostCode().stream()
                .map(l -> Arrays.asList(
                        position.financialYear(),
                        l.costCode() == null ? "(no cost code)" : l.costCode(),
                        l.costCentre(),
                        l.budgetLine(),
                        l.fundingStream(),
                        money(l.budget()),
                        money(l.committed()),
                        money(l.pendingApproval()),
                        money(l.invoiced()),
                        money(l.forecastOutturn()),
                        money(l.remaining()),
                        Long.toString(l.commitmentsAwaitingARate())))
                .toList();
        return Response.ok(Csv.of(header, rows))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"budget-position-" + position.financialYear() + ".csv\"")
                .build();
    }

    private FinancialYear year(String text) {
        if (text == null) {
            return FinancialYear.containing(LocalDate.now(clock));
        }
        try {
            return FinancialYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    e.getMessage(),
                    List.of(new FieldError("year", "financialYear", e.getMessage())));
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
