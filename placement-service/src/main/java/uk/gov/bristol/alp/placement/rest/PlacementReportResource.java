package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.service.DisproportionalityReport;
import uk.gov.bristol.alp.placement.service.OfferResponseReport;
import uk.gov.bristol.alp.placement.service.OutcomesReport;
import uk.gov.bristol.alp.placement.service.PopulationBaselines;
import uk.gov.bristol.alp.placement.service.ProviderScorecard;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;
import uk.gov.bristol.alp.platform.security.Roles;

@Path("/api/v1/placement-reports")
@Tag(name = "Placement reports", description = "Who is in ALP, for the authority and its schools")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementReportResource {
    private final DisproportionalityReport disproportionality;
    private final OfferResponseReport offerResponses;
    private final OutcomesReport outcomes;
    private final ProviderScorecard scorecards;
    private final PopulationBaselines baselines;

    public PlacementReportResource(
            DisproportionalityReport disproportionality,
            OfferResponseReport offerResponses,
            OutcomesReport outcomes,
            ProviderScorecard scorecards,
            PopulationBaselines baselines) {
        this.disproportionality = disproportionality;
        this.offerResponses = offerResponses;
        this.outcomes = outcomes;
        this.scorecards = scorecards;
        this.baselines = baselines;
    }

    @GET
    @Path("outcomes")
    @Authenticated
    @Operation(
            summary = "Placements ended in a period, each counted once: how they ended, destinations, return to "
                    + "mainstream, weeks in ALP and in full-time ALP, learning targets achieved; overall and grouped "
                    + "by provider, school or specialism (a school: its own pupils; a provider: its own)")
    public OutcomesReport.Report outcomes(
            @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("groupBy") OutcomesReport.GroupBy groupBy) {
        return outcomes.of(from, to, groupBy);
    }

    @GET
    @Path("provider-scorecard")
    @Authenticated
    @Operation(
            summary = "A provider's scorecard over a period, for commissioners: placements and pupils, attendance, "
                    + "outcomes of those ended, answers to offers against its timescale, weekly cost per pupil "
                    + "(a provider: its own)")
    public ProviderScorecard.Scorecard scorecard(
            @QueryParam("providerId") @NotNull UUID providerId,
            @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        return scorecards.of(providerId, from, to);
    }

    @GET
    @Path("offer-responses")
    @Authenticated
    @Operation(
            summary = "How providers answered the offers made to them in a period, against each one's response "
                    + "timescale: accepted, declined, waiting, in time, late, overdue now, median hours to answer "
                    + "(a provider: its own row)")
    public List<OfferResponseReport.ProviderResponses> offerResponses(
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return offerResponses.of(from, to);
    }

    @GET
    @Path("disproportionality")
    @Authenticated
    @Operation(
            summary = "Pupils in ALP in a period by SEN provision, EHC plan, looked after, free school meals, "
                    + "ethnicity and sex: counts and rates, overall and by school (a school: its own pupils only); "
                    + "with census=, each compared with the population on roll: its share, per 1,000 in ALP, and the "
                    + "ratio of shares (above 1: over-represented)")
    public DisproportionalityReport.Report disproportionality(
            @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("schoolUrn") @ValidUrn String schoolUrn,
            @QueryParam("census") LocalDate census) {
        return disproportionality.of(from, to, schoolUrn, census);
    }

    @POST
    @Path("population-baselines")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(
            summary = "Import school populations from a census (CSV: census_date,school_urn,characteristic,category,"
                    + "pupils; characteristic ALL, SEN_PROVISION, LOOKED_AFTER, FSM, ETHNICITY or SEX), whole or not "
                    + "at all; each school's rows for a census replace its earlier ones")
    public List<PopulationBaselines.Census> importBaselines(String csv) {
        return baselines.importCsv(csv);
    }

    @GET
    @Path("population-baselines")
    @RolesAllowed({Roles.HUB_OFFICER, Roles.SEND_OFFICER, Roles.PANEL_CHAIR, Roles.AUDITOR})
    @Operation(summary = "The censuses imported: date, schools, pupils on roll")
    public List<PopulationBaselines.Census> censuses() {
        return baselines.censuses();
    }
}
