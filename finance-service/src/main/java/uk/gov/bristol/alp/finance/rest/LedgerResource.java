package uk.gov.bristol.alp.finance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.finance.domain.AgreedRate;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.finance.domain.FinancialYear;
import uk.gov.bristol.alp.finance.domain.FundingStream;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.finance.rest.LedgerApi.BudgetChangeView;
import uk.gov.bristol.alp.finance.rest.LedgerApi.BudgetView;
import uk.gov.bristol.alp.finance.rest.LedgerApi.CostCodeView;
import uk.gov.bristol.alp.finance.service.BudgetService;
import uk.gov.bristol.alp.finance.service.CostCodeService;
import uk.gov.bristol.alp.finance.service.RateService;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * The cost-code register, budgets and agreed rates: finance officers write; the ALP Hub and auditors read; nobody
 * else.
 */
@Path("/api/v1/finance")
@Tag(name = "Cost codes and budgets", description = "One register of ALP cost codes, and budgets per financial year")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.HUB_OFFICER, Roles.AUDITOR})
public class LedgerResource {
    private final CostCodeService costCodes;
    private final BudgetService budgets;
    private final RateService rates;

    public LedgerResource(CostCodeService costCodes, BudgetService budgets, RateService rates) {
        this.costCodes = costCodes;
        this.budgets = budgets;
        this.rates = rates;
    }

    @POST
    @Path("cost-codes")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Register a cost code under a cost centre, budget line and funding stream")
    @APIResponseSchema(
            value = CostCodeView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response register(@Valid @NotNull LedgerApi.RegisterCostCode body, @Context UriInfo uri) {
        CostCode c = costCodes.register(
                body.code(),
                body.description().strip(),
                body.costCentre().strip(),
                body.budgetLine().strip(),
                body.fundingStream());
        return Response.created(uri.getAbsolutePathBuilder().path(c.code).build())
                .entity(CostCodeView.of(c))
                .build();
    }

    @GET
    @Path("cost-codes")
    @Operation(summary = "The register, by code; filter by status or funding stream")
    public List<CostCodeView> costCodes(
            @QueryParam("status") CostCode.Status status, @QueryParam("fundingStream") FundingStream stream) {
        return costCodes.list(status, stream).stream().map(CostCodeView::of).toList();
    }

    @GET
    @Path("cost-codes/{code}")
    @Operation(summary = "One cost code")
    public CostCodeView costCode(@PathParam("code") String code) {
        return CostCodeView.of(costCodes.read(code));
    }

    @POST
    @Path("cost-codes/{code}/retire")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Retire a cost code: it keeps its history and takes no new budget")
    public CostCodeView retire(@PathParam("code") String code, @Valid @NotNull LedgerApi.Retire body) {
        return CostCodeView.of(costCodes.retire(code, body.reason().strip()));
    }

    @DELETE
    // Nothing to answer but a problem: a client that accepts only problems (as generated ones do here) is not refused.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("cost-codes/{code}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Delete a cost code nothing uses (a mistake); one in use is refused: retire it")
    @APIResponse(responseCode = "204", description = "Done: nothing to answer")
    public Response delete(@PathParam("code") String code) {
        costCodes.delete(code);
        return Response.noContent().build();
    }

    @PUT
    @Path("budgets/{year}/{code}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(
            summary = "Set a cost code's budget for a financial year (e.g. 2026-27), with the reason; "
                    + "every change is kept")
    public BudgetView setBudget(
            @PathParam("year") String year, @PathParam("code") String code, @Valid @NotNull LedgerApi.SetBudget body) {
        return BudgetView.of(
                budgets.set(year(year), code, body.amount(), body.reason().strip()));
    }

    @GET
    @Path("budgets/{year}")
    @Operation(summary = "Every cost code's budget for a financial year")
    public List<BudgetView> budgets(@PathParam("year") String year) {
        return budgets.forYear(year(year)).stream().map(BudgetView::of).toList();
    }

    @GET
    @Path("budgets/{year}/{code}/history")
    @Operation(summary = "Every change of a budget, oldest first")
    public List<BudgetChangeView> history(@PathParam("year") String year, @PathParam("code") String code) {
        return budgets.history(year(year), code).stream()
                .map(BudgetChangeView::of)
                .toList();
    }

    @POST
    @Path("providers/{providerId}/rates")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(
            summary =
                    "Record a rate agreed with a provider (per hour, session, day or week, with validity); it "
                            + "comes before the rates the provider offers in the registry, and prices commitments waiting for a rate")
    @APIResponseSchema(
            value = Rate.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response agreeRate(
            @PathParam("providerId") UUID providerId, @Valid @NotNull LedgerApi.AgreeRate body, @Context UriInfo uri) {
        AgreedRate rate = rates.agree(
                providerId,
                body.unit(),
                body.amount(),
                body.validFrom(),
                body.validTo(),
                body.reason().strip());
        return Response.created(uri.getAbsolutePathBuilder().build())
                .entity(rate.rate())
                .build();
    }

    @GET
    @Path("providers/{providerId}/rates")
    @Operation(summary = "A provider's rates: those finance agreed, and those it offers in the registry")
    public RateService.Rates providerRates(@PathParam("providerId") UUID providerId) {
        return rates.of(providerId);
    }

    private static FinancialYear year(String text) {
        try {
            return FinancialYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    e.getMessage(),
                    List.of(new FieldError("year", "financialYear", e.getMessage())));
        }
    }
}
