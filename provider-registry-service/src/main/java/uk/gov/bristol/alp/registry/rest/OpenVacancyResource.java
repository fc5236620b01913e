package uk.gov.bristol.alp.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.Specialism;
import uk.gov.bristol.alp.registry.rest.VacancyResource.VacancyView;
import uk.gov.bristol.alp.registry.service.ProviderVacancies;

/** Vacancies across the framework, for commissioners. */
@Path("/api/v1/provider-vacancies")
@Tag(name = "Capacity and vacancies", description = "Places and vacancies by specialism and key stage")
@Produces(MediaType.APPLICATION_JSON)
public class OpenVacancyResource {
    private final ProviderVacancies vacancies;

    public OpenVacancyResource(ProviderVacancies vacancies) {
        this.vacancies = vacancies;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Approved providers' vacancies, by specialism and key stage if given, most vacancies first "
                    + "(authority staff, the registry, schools, partner authorities)")
    public List<OpenView> open(
            @QueryParam("specialism") Specialism specialism, @QueryParam("keyStage") KeyStage keyStage) {
        return vacancies.open(specialism, keyStage).stream()
                .map(o -> new OpenView(o.providerId(), o.providerName(), VacancyView.of(o.vacancy())))
                .toList();
    }

    public record OpenView(UUID providerId, String providerName, VacancyView vacancy) {}
}
