package uk.gov.bristol.alp.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.ProviderVacancy;
import uk.gov.bristol.alp.registry.domain.Specialism;
import uk.gov.bristol.alp.registry.service.ProviderVacancies;

/** A provider's places and vacancies by specialism and key stage. */
@Path("/api/v1/providers/{id}/vacancies")
@Tag(name = "Capacity and vacancies", description = "Places and vacancies by specialism and key stage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VacancyResource {
    private final ProviderVacancies vacancies;

    public VacancyResource(ProviderVacancies vacancies) {
        this.vacancies = vacancies;
    }

    @GET
    @Authenticated
    @Operation(summary = "The provider's places and vacancies by specialism and key stage, and when each was updated")
    public List<VacancyView> read(@PathParam("id") UUID id) {
        return vacancies.of(id).stream().map(VacancyView::of).toList();
    }

    @PUT
    @RolesAllowed({Roles.PROVIDER_STAFF, Roles.REGISTRY_OFFICER})
    @Operation(
            summary = "Replace the provider's places and vacancies (the provider itself, or the registry): each for a "
                    + "specialism and key stage it offers, vacancies within places, places within its capacity")
    public List<VacancyView> replace(
            @PathParam("id") UUID id, @NotNull @Size(max = 100) List<@Valid @NotNull Vacancy> body) {
        return vacancies
                .replace(
                        id,
                        body.stream()
                                .map(v -> new ProviderVacancies.Vacancy(
                                        v.specialism(), v.keyStage(), v.places(), v.vacancies()))
                                .toList())
                .stream()
                .map(VacancyView::of)
                .toList();
    }

    public record Vacancy(
            @NotNull Specialism specialism,
            @NotNull KeyStage keyStage,
            @Min(0) @Max(10_000) int places,
            @Min(0) @Max(10_000) int vacancies) {}

    public record VacancyView(
            Specialism specialism,
            KeyStage keyStage,
            int places,
            int vacancies,
            String updatedBy,
            OffsetDateTime updatedAt) {
        static VacancyView of(ProviderVacancy v) {
            return new VacancyView(v.specialism, v.keyStage, v.places, v.vacancies, v.updatedBy, v.updatedAt);
        }
    }
}
