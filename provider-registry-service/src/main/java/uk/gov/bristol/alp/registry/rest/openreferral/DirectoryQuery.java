package uk.gov.bristol.alp.registry.rest.openreferral;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;

/**
 * The public directory's filters, with Open Referral's meanings. Only approved providers whose evidence
 * is in date are listed. minimum_age / maximum_age keep providers whose age range overlaps; postcode
 * matches the outward code of a site (proximity is not offered: the registry holds no coordinates); taxonomy_id
 * other than the one taxonomy used matches nothing; modified_after is on or after, as the UK profile says.
 */
record DirectoryQuery(
        String search,
        String taxonomyId,
        String taxonomyTermId,
        Integer minimumAge,
        Integer maximumAge,
        String postcode,
        OffsetDateTime modifiedAfter) {

    /** Approved, in-date providers matching the filters, by name. */
    Criteria criteria() {
        Criteria criteria = new Criteria()
                .always(
                        "frameworkStatus = :approved and complianceLapsed = false",
                        Map.of("approved", FrameworkStatus.APPROVED));
        if (taxonomyId != null && !taxonomyId.isBlank() && !OpenReferral.TAXONOMY_ID.equals(taxonomyId.strip())) {
            criteria.always("1 = 0", Map.of());
        }
        return criteria.when(
                        Criteria.containing(search),
                        "lower(name) like :search or lower(coalesce(description, '')) like :search",
                        "search")
                .when(
                        taxonomyTermId == null ? null : taxonomyTermId.strip().toUpperCase(Locale.UK),
                        "array_contains(specialisms, :term)",
                        "term")
                .when(minimumAge, "maxAge is null or maxAge >= :minimumAge", "minimumAge")
                .when(maximumAge, "minAge is null or minAge <= :maximumAge", "maximumAge")
                .when(district(postcode), "array_contains(postcodeDistricts, :district)", "district")
                .when(modifiedAfter, "updatedAt >= :modifiedAfter", "modifiedAfter");
    }

    /** A full postcode's inward part is its last three characters; an outward code alone is kept whole. */
    private static String district(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String compact = postcode.strip().toUpperCase(Locale.UK).replace(" ", "");
        return compact.length() > 4 ? compact.substring(0, compact.length() - 3) : compact;
    }
}
