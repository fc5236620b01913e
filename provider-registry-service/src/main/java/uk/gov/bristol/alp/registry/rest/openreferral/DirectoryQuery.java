package uk.gov.bristol.alp.registry.rest.openreferral;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;

/**
 * The public directory's filters, with Open Referral's meanings. Only approved providers whose evidence
 * is in date are listed. minimum_age / maximum_age keep providers whose age range overlaps; postcode
 * matches the outward code of a site (proximity is not offered: the registry holds no coordinates).
 */
record DirectoryQuery(String search, String taxonomyTermId, Integer minimumAge, Integer maximumAge,
        String postcode, OffsetDateTime modifiedAfter) {

    String where() {
        StringBuilder w = new StringBuilder("frameworkStatus = :approved and complianceLapsed = false");
        if (search != null && !search.isBlank()) {
            w.append(" and (lower(name) like :search or lower(coalesce(description, '')) like :search)");
        }
        if (taxonomyTermId != null && !taxonomyTermId.isBlank()) {
            w.append(" and array_contains(specialisms, :term)");
        }
        if (minimumAge != null) {
            w.append(" and (maxAge is null or maxAge >= :minimumAge)");
        }
        if (maximumAge != null) {
            w.append(" and (minAge is null or minAge <= :maximumAge)");
        }
        if (postcode != null && !postcode.isBlank()) {
            w.append(" and array_contains(postcodeDistricts, :district)");
        }
        if (modifiedAfter != null) {
            w.append(" and updatedAt > :modifiedAfter");
        }
        return w.append(" order by name, id").toString();
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("approved", FrameworkStatus.APPROVED);
        if (search != null && !search.isBlank()) {
            String s = search.strip().toLowerCase(Locale.UK).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            p.put("search", "%" + s + "%");
        }
        if (taxonomyTermId != null && !taxonomyTermId.isBlank()) {
            p.put("term", taxonomyTermId.strip().toUpperCase(Locale.UK));
        }
        if (minimumAge != null) {
            p.put("minimumAge", minimumAge);
        }
        if (maximumAge != null) {
            p.put("maximumAge", maximumAge);
        }
        if (postcode != null && !postcode.isBlank()) {
            String compact = postcode.strip().toUpperCase(Locale.UK).replace(" ", "");
            // A full postcode's inward part is its last three characters; an outward code alone is kept whole.
            p.put("district", compact.length() > 4 ? compact.substring(0, compact.length() - 3) : compact);
        }
        if (modifiedAfter != null) {
            p.put("modifiedAfter", modifiedAfter);
        }
        return p;
    }
}
