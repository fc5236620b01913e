package uk.gov.bristol.alp.registry.rest.openreferral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;
import uk.gov.bristol.alp.registry.domain.Specialism;

/**
 * Open Referral UK (HSDS 3.0 UK profile) shapes, snake_case as the standard has them. Built only from a
 * provider's public facts: never checks, evidence, officers, status reasons, private contacts, rates,
 * capacity or service-level terms.
 */
public final class OpenReferral {
    public static final String TAXONOMY_ID = "alp-specialisms";

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

    public record TaxonomyTerm(
            String id,
            String code,
            String name,
            String description,
            @JsonProperty("taxonomy_id") String taxonomyId) {
        static TaxonomyTerm of(Specialism s) {
            return new TaxonomyTerm(s.name(), s.name(), s.label, s.label, TAXONOMY_ID);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String id, String name, String website) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phone(String number) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String id, String name, String title, String email, List<Phone> phones) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            @JsonProperty("address_1") String address1,
            String city,
            @JsonProperty("postal_code") String postalCode,
            String country,
            @JsonProperty("address_type") String addressType) {}

    public record Location(
            String id,
            String name,
            @JsonProperty("location_type") String locationType,
            List<Address> addresses) {}

    public record ServiceAtLocation(
            String id, @JsonProperty("service_id") String serviceId, Location location) {}

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
            @JsonProperty("eligibility_description") String eligibilityDescription,
            @JsonProperty("last_modified") OffsetDateTime lastModified,
            Organization organization,
            List<Contact> contacts,
            @JsonProperty("service_at_locations") List<ServiceAtLocation> serviceAtLocations,
            List<Attribute> attributes) {

        static Service of(Provider p) {
            String id = p.id.toString();
            ProviderDetails d = p.details();
            List<Contact> contacts = d.contacts().stream()
                    .filter(ProviderDetails.Contact::isPublic)
                    .map(c -> new Contact(
                            stableId(id, "contact", c.name()),
                            c.name(),
                            c.role(),
                            c.email(),
                            c.phone() == null ? null : List.of(new Phone(c.phone()))))
                    .toList();
            String email = contacts.stream()
                    .map(Contact::email)
                    .filter(e -> e != null)
                    .findFirst()
                    .orElse(null);
            List<Attribute> attributes = d.specialisms().stream()
                    .sorted()
                    .map(s -> new Attribute(
                            stableId(id, "attribute", s.name()), id, "service", s.name(), TaxonomyTerm.of(s)))
                    .toList();
            String keyStages = d.keyStages().isEmpty()
                    ? null
                    : "Key stages: "
                            + String.join(
                                    ", ",
                                    d.keyStages().stream()
                                            .sorted()
                                            .map(Enum::name)
                                            .toList());
            return new Service(
                    id,
                    p.name,
                    d.description(),
                    d.website(),
                    email,
                    "active",
                    d.minAge(),
                    d.maxAge(),
                    keyStages,
                    p.updatedAt,
                    new Organization(id, p.name, d.website()),
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
                                new Location(
                                        locationId,
                                        site.name(),
                                        "physical",
                                        List.of(new Address(
                                                site.addressLine(), site.town(), site.postcode(), "GB", "physical"))));
                    })
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
