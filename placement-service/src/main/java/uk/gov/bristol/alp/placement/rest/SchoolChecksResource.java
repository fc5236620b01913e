package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.SchoolCheck;
import uk.gov.bristol.alp.placement.service.SchoolChecks;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.security.Roles;

/** A school's own checks on providers: what lets it commission a provider the framework has not approved. */
@Path("/api/v1/compliance/school-checks")
@Tag(name = "Compliance", description = "Legal limits watched live")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolChecksResource {
    private final SchoolChecks checks;

    public SchoolChecksResource(SchoolChecks checks) {
        this.checks = checks;
    }

    @POST
    @RolesAllowed(Roles.SCHOOL_STAFF)
    @Operation(
            summary = "Record one of the school's own checks on a provider (DBS and training, insurance, health and "
                    + "safety, safeguarding, attendance and engagement, financial viability), with its evidence and "
                    + "expiry; the latest of each kind is the school's current check")
    @APIResponseSchema(
            value = CheckView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response record(@Valid @NotNull NewCheck body) {
        SchoolCheck c = checks.record(
                body.providerId(), body.kind(), body.evidenceReference().strip(), body.checkedOn(), body.expiresOn());
        return Response.status(Response.Status.CREATED).entity(CheckView.of(c)).build();
    }

    @GET
    @Authenticated
    @Operation(
            summary = "A school's current checks on a provider (school staff: their own school's; authority staff: "
                    + "name the school)")
    public List<CheckView> current(
            @QueryParam("providerId") @NotNull UUID providerId,
            @QueryParam("schoolUrn") @Pattern(regexp = "\\d{6}") String schoolUrn) {
        return checks.current(schoolUrn, providerId).stream().map(CheckView::of).toList();
    }

    public record NewCheck(
            @NotNull UUID providerId,
            @NotNull CheckKind kind,
            @NotBlank @Size(max = 500) String evidenceReference,
            @NotNull LocalDate checkedOn,
            @NotNull LocalDate expiresOn) {}

    public record CheckView(
            UUID id,
            String schoolUrn,
            UUID providerId,
            CheckKind kind,
            String evidenceReference,
            LocalDate checkedOn,
            LocalDate expiresOn,
            String recordedBy,
            OffsetDateTime recordedAt) {
        static CheckView of(SchoolCheck c) {
            return new CheckView(
                    c.id,
                    c.schoolUrn,
                    c.providerId,
                    c.kind,
                    c.evidenceReference,
                    c.checkedOn,
                    c.expiresOn,
                    c.recordedBy,
                    c.recordedAt);
        }
    }
}
