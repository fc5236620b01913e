package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.service.DisproportionalityReport;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;

@Path("/api/v1/placement-reports")
@Tag(name = "Placement reports", description = "Who is in ALP, for the authority and its schools")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementReportResource {
    private final DisproportionalityReport disproportionality;

    public PlacementReportResource(DisproportionalityReport disproportionality) {
        this.disproportionality = disproportionality;
    }

    @GET
    @Path("disproportionality")
    @Authenticated
    @Operation(
            summary = "Pupils in ALP in a period by SEN provision, EHC plan, looked after, free school meals, "
                    + "ethnicity and sex: counts and rates, overall and by school (a school: its own pupils only)")
    public DisproportionalityReport.Report disproportionality(
            @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("schoolUrn") @ValidUrn String schoolUrn) {
        return disproportionality.of(from, to, schoolUrn);
    }
}
