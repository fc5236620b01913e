package uk.gov.bristol.alp.registry.rest.openreferral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;
import uk.gov.bristol.alp.registry.domain.Specialism;

/**
 * Open Referral UK (HSDS 3.0 UK profile) shapes, snake_case as the standard has them, with the fields the profile
 * keeps and every field it requires. Built only from a provider's public facts: never checks, evidence, officers,
 * status reasons, private contacts (nor a public contact's email or phone: the profile's contact has neither),
 * rates, capacity or service-level terms.
 */
public final class OpenReferral {
    public static final String TAXONOMY_ID = "alp-specialisms";

    /** The HSDS version and the UK profile this feed follows (its {@code /} answer). */
    public static final String HSDS_VERSION = "3.0";

    public static final String PROFILE = "https://github.com/openreferral/uk-profile";

    private static final java.util.Map<Authority, String> COUNTY = java.util.Map.of(
            Authority.BRISTOL, "City of Bristol",
            Authority.SOUTH_GLOUCESTERSHIRE, "South Gloucestershire",
            Authority.NORTH_SOMERSET, "North Somerset");

    /** The answer to {@code GET /}: what this API is. */
    public record Info(
            String version,
            String profile,
            @JsonProperty("openapi_url") String openapiUrl) {}

    private OpenReferral() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page<T>(
            @JsonProperty("total_items") long totalItems,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("page_number") int pageNumber,
            int size,
            @JsonProperty("first_page") boolean firstPage,
            @JsonProperty("last_page") boolean lastPage,
            boolean empty,
            List<T> contents) {

        /** One page of a list held whole. */
        static <T> Page<T> slice(List<T> all, int pageNumber, int perPage) {
            int from = Math.min((pageNumber - 1) * perPage, all.size());
            return of(all.subList(from, Math.min(from + perPage, all.size())), all.size(), pageNumber, perPage);
        }

        static <T> Page<T> of(List<T> contents, long total, int pageNumber, int perPage) {
            int pages = (int) ((total + perPage - 1) / perPage);
            return new Page<>(
                    total,
                    pages,
                    pageNumber,
                    contents.size(),
                    pageNumber == 1,
                    pageNumber >= pages,
                    contents.isEmpty(),
                    contents);
        }
    }

    public record Taxonomy(String id, String name, String description, String version) {
        static final Taxonomy ALP = new Taxonomy(
                TAXONOMY_ID,
                "ALP specialisms",
                "What an approved Alternative Learning Provision provider offers (Bristol, South Gloucestershire and "
                        + "North Somerset framework)",
                "1");
    }

    /** {@code term}: the specialism's code, as the registry knows it. */
    public record TaxonomyTerm(
            String id,
            String term,
            String name,
            String description,
            @JsonProperty("taxonomy_id") String taxonomyId) {
        static TaxonomyTerm of(Specialism s) {
            return new TaxonomyTerm(s.name(), s.name(), s.label, s.label, TAXONOMY_ID);
        }

        static java.util.Optional<TaxonomyTerm> byId(String id) {
            return java.util.Arrays.stream(Specialism.values())
                    .filter(s -> s.name().equals(id))
                    .findFirst()
                    .map(TaxonomyTerm::of);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String id, String name, String description, String website) {}

    /** A public contact: the UK profile carries its name and title only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(
            String id, @JsonProperty("service_id") String serviceId, String name, String title) {}

    /** {@code state_province}: the county or unitary authority the site is in (the provider's lead authority). */
    public record Address(
            String id,
            @JsonProperty("location_id") String locationId,
            @JsonProperty("address_1") String address1,
            String city,
            @JsonProperty("state_province") String stateProvince,
            @JsonProperty("postal_code") String postalCode,
            String country,
            @JsonProperty("address_type") String addressType) {}

    public record Location(
            String id,
            String name,
            @JsonProperty("location_type") String locationType,
            List<Address> addresses) {}

    public record ServiceAtLocation(
            String id,
            @JsonProperty("service_id") String serviceId,
            @JsonProperty("location_id") String locationId,
            Location location) {}

    public record Attribute(
            String id,
            @JsonProperty("link_id") String linkId,
            @JsonProperty("link_type") String linkType,
            @JsonProperty("taxonomy_term_id") String taxonomyTermId,
            @JsonProperty("taxonomy_term") TaxonomyTerm taxonomyTerm) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(
            String id,
            String name,
            String description,
            String url,
            String email,
            String status,
            @JsonProperty("minimum_age") Integer minimumAge,
            @JsonProperty("maximum_age") Integer maximumAge,
            @JsonProperty("last_modified") OffsetDateTime lastModified,
            Organization organization,
            List<Contact> contacts,
            @JsonProperty("service_at_locations") List<ServiceAtLocation> serviceAtLocations,
            List<Attribute> attributes) {

        /**
         * {@code publicPage} is where the directory's own page for a provider is ({@code url} when the provider
         * has no website of its own: the UK profile requires one).
         */
        static Service of(Provider p, String publicPage) {
            String id = p.id.toString();
            ProviderDetails d = p.details();
            List<Contact> contacts = d.contacts().stream()
                    .filter(ProviderDetails.Contact::isPublic)
                    .map(c -> new Contact(stableId(id, "contact", c.name()), id, c.name(), c.role()))
                    .toList();
            String email = d.contacts().stream()
                    .filter(ProviderDetails.Contact::isPublic)
                    .map(ProviderDetails.Contact::email)
                    .filter(e -> e != null)
                    .findFirst()
                    .orElse(null);
            List<Attribute> attributes = d.specialisms().stream()
                    .sorted()
                    .map(s -> new Attribute(
                            stableId(id, "attribute", s.name()), id, "service", s.name(), TaxonomyTerm.of(s)))
                    .toList();
            String url = d.website() != null ? d.website() : publicPage + id;
            String about = d.description() != null
                    ? d.description()
                    : "An Alternative Learning Provision provider approved on the Bristol, South Gloucestershire and "
                            + "North Somerset framework";
            return new Service(
                    id,
                    p.name,
                    d.description(),
                    url,
                    email,
                    "active",
                    d.minAge(),
                    d.maxAge(),
                    p.updatedAt,
                    new Organization(id, p.name, about, d.website()),
                    contacts,
                    locations(p),
                    attributes);
        }

        static List<ServiceAtLocation> locations(Provider p) {
            String id = p.id.toString();
            return p.details().sites().stream()
                    .map(site -> {
                        String locationId = stableId(id, "location", site.name() + site.postcode());
                        return new ServiceAtLocation(
                                stableId(id, "service-at-location", locationId),
                                id,
                                locationId,
                                new Location(
                                        locationId,
                                        site.name(),
                                        "physical",
                                        List.of(new Address(
                                                stableId(id, "address", locationId),
                                                locationId,
                                                site.addressLine(),
                                                site.town(),
                                                COUNTY.get(p.leadAuthority),
                                                site.postcode(),
                                                "GB",
                                                "physical"))));
                    })
                    .toList();
        }
    }

    /** A service as the profile lists it (its list view carries no contacts, locations or attributes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceSummary(
            String id,
            @JsonProperty("organization_id") String organizationId,
            String name,
            String description,
            String url,
            String email,
            String status,
            @JsonProperty("minimum_age") Integer minimumAge,
            @JsonProperty("maximum_age") Integer maximumAge,
            @JsonProperty("last_modified") OffsetDateTime lastModified,
            Organization organization) {
        static ServiceSummary of(Service s) {
            return new ServiceSummary(
                    s.id(),
                    s.organization().id(),
                    s.name(),
                    s.description(),
                    s.url(),
                    s.email(),
                    s.status(),
                    s.minimumAge(),
                    s.maximumAge(),
                    s.lastModified(),
                    s.organization());
        }
    }

    /** A location as the profile lists it: no addresses. */
    public record LocationSummary(
            String id, @JsonProperty("location_type") String locationType, String name) {}

    /** A service at a location as the profile lists it: the location in short, and the service in short. */
    public record ServiceAtLocationSummary(
            String id,
            @JsonProperty("service_id") String serviceId,
            @JsonProperty("location_id") String locationId,
            LocationSummary location,
            ServiceSummary service) {
        static List<ServiceAtLocationSummary> of(Service s) {
            return s.serviceAtLocations().stream()
                    .map(at -> new ServiceAtLocationSummary(
                            at.id(),
                            at.serviceId(),
                            at.locationId(),
                            new LocationSummary(
                                    at.location().id(),
                                    at.location().locationType(),
                                    at.location().name()),
                            ServiceSummary.of(s)))
                    .toList();
        }
    }

    /** Ids for parts the registry keeps as values: the same part always gets the same id. */
    static String stableId(String providerId, String kind, String part) {
        return UUID.nameUUIDFromBytes(
                        (providerId + "/" + kind + "/" + part.toLowerCase(Locale.UK)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
