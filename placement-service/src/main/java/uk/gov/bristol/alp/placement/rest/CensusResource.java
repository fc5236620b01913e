package uk.gov.bristol.alp.placement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.CensusRecord;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.service.CensusExports;
import uk.gov.bristol.alp.placement.service.CensusExports.CensusReturn;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Csv;

/**
 * DfE census returns of AP placements. As JSON: every record with the rules it breaks, to fix before the return.
 * As CSV (Accept: text/csv): the file to submit, given only when every record passes; otherwise a problem
 * answer listing each record's errors.
 */
@Path("/api/v1/census")
@Tag(name = "Census returns", description = "School census AP placements and the LA AP census, validated")
public class CensusResource {
    private static final String HEADER = "upn,surname,forename,date_of_birth,sex,sen_provision,ap_start_date,"
            + "ap_end_date,ap_urn,ap_ukprn,ap_setting_type,ap_association,ap_reason,ap_attendance_pattern,"
            + "ap_sessions_per_week";

    private final CensusExports exports;

    public CensusResource(CensusExports exports) {
        this.exports = exports;
    }

    @GET
    @Path("schools/{urn}/ap-placements")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER, Roles.AUDITOR})
    @Operation(
            summary = "A school's census AP placement records (placements from 1 September to the census date), "
                    + "each with the DfE rules it breaks")
    public CensusReturn school(@PathParam("urn") String urn, @QueryParam("censusDate") @NotNull LocalDate censusDate) {
        return exports.schoolCensus(urn, censusDate);
    }

    @GET
    @Path("schools/{urn}/ap-placements")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The school's census AP placement records as CSV, only when every record is valid")
    @APIResponse(
            responseCode = "200",
            description = "CSV, one header line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response schoolCsv(@PathParam("urn") String urn, @QueryParam("censusDate") @NotNull LocalDate censusDate) {
        return csv(exports.schoolCensus(urn, censusDate), "school-census-ap-" + urn + "-" + censusDate + ".csv");
    }

    @GET
    @Path("la/ap-placements")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_OFFICER, Roles.SEND_OFFICER, Roles.AUDITOR})
    @Operation(
            summary = "The LA AP census: placements the authority arranged, open on the census date, each with "
                    + "the DfE rules it breaks")
    public CensusReturn la(@QueryParam("censusDate") @NotNull LocalDate censusDate) {
        return exports.laCensus(censusDate);
    }

    @GET
    @Path("la/ap-placements")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.HUB_OFFICER, Roles.SEND_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The LA AP census as CSV, only when every record is valid")
    @APIResponse(
            responseCode = "200",
            description = "CSV, one header line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response laCsv(@QueryParam("censusDate") @NotNull LocalDate censusDate) {
        return csv(exports.laCensus(censusDate), "la-ap-census-" + censusDate + ".csv");
    }

    private static Response csv(CensusReturn census, String filename) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < census.items().size(); i++) {
            CensusRecord r = census.items().get(i);
            for (FieldError e : r.errors()) {
                errors.add(new FieldError(
                        "items[" + i + "]." + e.field(),
                        e.rule(),
                        "placement " + r.placementId() + ": " + e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    PlacementRules.CENSUS_RETURN_INVALID,
                    census.invalid() + " of " + census.records() + " records break the DfE's rules",
                    errors);
        }
        List<List<String>> rows = census.items().stream()
                .map(r -> Arrays.asList(
                        r.upn(),
                        r.surname(),
                        r.forename(),
                        text(r.dateOfBirth()),
                        r.sex(),
                        r.senProvision(),
                        text(r.startDate()),
                        text(r.endDate()),
                        r.urn(),
                        r.ukprn(),
                        r.settingType(),
                        r.association(),
                        r.reason(),
                        r.attendancePattern(),
                        text(r.sessionsPerWeek())))
                .toList();
        return Response.ok(Csv.of(HEADER, rows))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
