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
import uk.gov.bristol.alp.registry.config.RegistryConfig;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.Specialism;

/** The public directory of approved providers in Open Referral UK shape. No token needed. */
@Path("/api/v1/open-referral")
@Tag(name = "Open Referral UK", description = "Public directory feed of approved providers (HSDS 3.0 UK profile)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OpenReferralResource {
    private final String publicUrl;

    public OpenReferralResource(RegistryConfig config) {
        this.publicUrl = config.publicUrl();
    }

    @GET
    @Operation(summary = "What this API is: the HSDS version, the UK profile it follows, its OpenAPI document")
    public OpenReferral.Info info() {
        return new OpenReferral.Info(OpenReferral.HSDS_VERSION, OpenReferral.PROFILE, publicUrl + "/openapi/registry");
    }

    @GET
    @Path("services")
    @Transactional
    @Operation(
            summary = "Approved providers as services; search, taxonomy_id, taxonomy_term_id, minimum_age, "
                    + "maximum_age, postcode (outward code match), modified_after (on or after); page from 1")
    public OpenReferral.Page<OpenReferral.ServiceSummary> services(
            @QueryParam("search") @Size(max = 200) String search,
            @QueryParam("taxonomy_id") @Size(max = 40) String taxonomyId,
            @QueryParam("taxonomy_term_id") @Size(max = 40) String taxonomyTermId,
            @QueryParam("minimum_age") @Min(0) @Max(30) Integer minimumAge,
            @QueryParam("maximum_age") @Min(0) @Max(30) Integer maximumAge,
            @QueryParam("postcode") @Size(max = 10) String postcode,
            @QueryParam("modified_after") OffsetDateTime modifiedAfter,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(200) int perPage) {
        var criteria = new DirectoryQuery(
                        search, taxonomyId, taxonomyTermId, minimumAge, maximumAge, postcode, modifiedAfter)
                .criteria();
        var found = Provider.<Provider>find(criteria.orderedBy("name, id"), criteria.parameters());
        List<OpenReferral.ServiceSummary> services = found.page(page - 1, perPage).list().stream()
                .map(this::service)
                .map(OpenReferral.ServiceSummary::of)
                .toList();
        return OpenReferral.Page.of(services, found.count(), page, perPage);
    }

    @GET
    @Path("services/{id}")
    @Transactional
    @Operation(summary = "One approved provider as a service")
    public OpenReferral.Service service(@PathParam("id") UUID id) {
        return service(listed(id, "service"));
    }

    @GET
    @Path("service_at_locations")
    @Transactional
    @Operation(
            summary = "Where approved providers deliver; search, taxonomy_id, taxonomy_term_id, minimum_age, "
                    + "maximum_age, postcode (outward code match); page from 1")
    public OpenReferral.Page<OpenReferral.ServiceAtLocationSummary> serviceAtLocations(
            @QueryParam("search") @Size(max = 200) String search,
            @QueryParam("taxonomy_id") @Size(max = 40) String taxonomyId,
            @QueryParam("taxonomy_term_id") @Size(max = 40) String taxonomyTermId,
            @QueryParam("minimum_age") @Min(0) @Max(30) Integer minimumAge,
            @QueryParam("maximum_age") @Min(0) @Max(30) Integer maximumAge,
            @QueryParam("postcode") @Size(max = 10) String postcode,
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(200) int perPage) {
        var criteria = new DirectoryQuery(search, taxonomyId, taxonomyTermId, minimumAge, maximumAge, postcode, null)
                .criteria();
        List<OpenReferral.ServiceAtLocationSummary> all =
                Provider.<Provider>find(criteria.orderedBy("name, id"), criteria.parameters()).list().stream()
                        .flatMap(p -> OpenReferral.ServiceAtLocationSummary.of(service(p)).stream())
                        .toList();
        return OpenReferral.Page.slice(all, page, perPage);
    }

    @GET
    @Path("service_at_locations/{id}")
    @Transactional
    @Operation(summary = "The service delivered at one location (the UK profile answers with the whole service)")
    public OpenReferral.Service serviceAtLocation(@PathParam("id") String id) {
        var criteria = new DirectoryQuery(null, null, null, null, null, null, null).criteria();
        return Provider.<Provider>find(criteria.orderedBy("name, id"), criteria.parameters()).list().stream()
                .filter(p -> OpenReferral.Service.locations(p).stream().anyMatch(l -> l.id().equals(id)))
                .findFirst()
                .map(this::service)
                .orElseThrow(() -> ProblemException.notFound("service at location", id));
    }

    @GET
    @Path("taxonomies")
    @Operation(summary = "The one taxonomy used: ALP specialisms")
    public OpenReferral.Page<OpenReferral.Taxonomy> taxonomies(
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(200) int perPage) {
        return OpenReferral.Page.slice(List.of(OpenReferral.Taxonomy.ALP), page, perPage);
    }

    @GET
    @Path("taxonomies/{id}")
    @Operation(summary = "A taxonomy (the one used: " + OpenReferral.TAXONOMY_ID + ")")
    public OpenReferral.Taxonomy taxonomy(@PathParam("id") String id) {
        if (!OpenReferral.TAXONOMY_ID.equals(id)) {
            throw ProblemException.notFound("taxonomy", id);
        }
        return OpenReferral.Taxonomy.ALP;
    }

    @GET
    @Path("taxonomy_terms")
    @Operation(summary = "The specialisms, as taxonomy terms")
    public OpenReferral.Page<OpenReferral.TaxonomyTerm> taxonomyTerms(
            @QueryParam("page") @DefaultValue("1") @Min(1) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(200) int perPage) {
        List<OpenReferral.TaxonomyTerm> terms = Arrays.stream(Specialism.values())
                .map(OpenReferral.TaxonomyTerm::of)
                .toList();
        return OpenReferral.Page.slice(terms, page, perPage);
    }

    @GET
    @Path("taxonomy_terms/{id}")
    @Operation(summary = "A specialism, as a taxonomy term")
    public OpenReferral.TaxonomyTerm taxonomyTerm(@PathParam("id") String id) {
        return OpenReferral.TaxonomyTerm.byId(id).orElseThrow(() -> ProblemException.notFound("taxonomy term", id));
    }

    private OpenReferral.Service service(Provider p) {
        return OpenReferral.Service.of(p, publicUrl + "/providers/");
    }

    /** A provider the directory lists (approved, evidence in date), else not found. */
    private static Provider listed(UUID id, String what) {
        Provider p = Provider.findById(id);
        if (p == null || p.frameworkStatus != FrameworkStatus.APPROVED || p.complianceLapsed) {
            throw ProblemException.notFound(what, id);
        }
        return p;
    }
}
