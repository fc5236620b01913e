package uk.gov.bristol.alp.registry.rest.openreferral;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.Specialism;

/** The public directory of approved providers in Open Referral UK shape. No token needed. */
@Path("/api/v1/open-referral")
@Tag(name = "Open Referral UK", description = "Public directory feed of approved providers (HSDS 3.0 UK profile)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OpenReferralResource {

    @GET
    @Path("services")
    @Transactional
    @Operation(
            summary = "Approved providers as services; search, taxonomy_term_id, minimum_age, maximum_age, "
                    + "postcode (outward code match), modified_after; page from 1")
    public OpenReferral.Page<OpenReferral.Service> services(
            @QueryParam("search") @Size(max = 200) String search,
            @QueryParam("taxonomy_term_id") @Size(max = 40) String taxonomyTermId,
            @QueryParam("minimum_age") @Min(0) @Max(30) Integer minimumAge,
            @QueryParam("maximum_age") @Min(0) @Max(30) Integer maximumAge,
            @QueryParam("postcode") @Size(max = 10) String postcode,
            @QueryParam("modified_after") OffsetDateTime modifiedAfter,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(200) int perPage) {
        var criteria =
                new DirectoryQuery(search, taxonomyTermId, minimumAge, maximumAge, postcode, modifiedAfter).criteria();
        var found = Provider.<Provider>find(criteria.orderedBy("name, id"), criteria.parameters());
        List<OpenReferral.Service> services = found.page(page - 1, perPage).list().stream()
                .map(OpenReferral.Service::of)
                .toList();
        return OpenReferral.Page.of(services, found.count(), page, perPage);
    }

    @GET
    @Path("services/{id}")
    @Transactional
    @Operation(summary = "One approved provider as a service")
    public OpenReferral.Service service(@PathParam("id") UUID id) {
        Provider p = Provider.findById(id);
        if (p == null || p.frameworkStatus != FrameworkStatus.APPROVED || p.complianceLapsed) {
            throw ProblemException.notFound("service", id);
        }
        return OpenReferral.Service.of(p);
    }

    @GET
    @Path("service_at_locations")
    @Transactional
    @Operation(summary = "Where approved providers deliver; page from 1")
    public OpenReferral.Page<OpenReferral.ServiceAtLocation> serviceAtLocations(
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(200) int perPage) {
        var criteria = new DirectoryQuery(null, null, null, null, null, null).criteria();
        List<OpenReferral.ServiceAtLocation> all =
                Provider.<Provider>find(criteria.orderedBy("name, id"), criteria.parameters()).list().stream()
                        .flatMap(p -> OpenReferral.Service.locations(p).stream())
                        .toList();
        int from = Math.min((page - 1) * perPage, all.size());
        return OpenReferral.Page.of(all.subList(from, Math.min(from + perPage, all.size())), all.size(), page, perPage);
    }

    @GET
    @Path("taxonomies")
    @Operation(summary = "The one taxonomy used: ALP specialisms")
    public OpenReferral.Page<OpenReferral.Taxonomy> taxonomies() {
        return OpenReferral.Page.of(List.of(OpenReferral.Taxonomy.ALP), 1, 1, 50);
    }

    @GET
    @Path("taxonomy_terms")
    @Operation(summary = "The specialisms, as taxonomy terms")
    public OpenReferral.Page<OpenReferral.TaxonomyTerm> taxonomyTerms() {
        List<OpenReferral.TaxonomyTerm> terms = Arrays.stream(Specialism.values())
                .map(OpenReferral.TaxonomyTerm::of)
                .toList();
        return OpenReferral.Page.of(terms, terms.size(), 1, 50);
    }
}
