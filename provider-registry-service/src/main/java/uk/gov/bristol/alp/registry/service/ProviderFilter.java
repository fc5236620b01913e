package uk.gov.bristol.alp.registry.service;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.Specialism;
import uk.gov.bristol.alp.registry.domain.RegistrationStatus;

/**
 * What a caller asks of the provider list. {@code modifiedSince} with sort UPDATED gives partner
 * authorities a change feed: every provider changed at or after that instant, oldest change first.
 */
public record ProviderFilter(FrameworkStatus status, RegistrationStatus registration, Authority leadAuthority,
        String text, Specialism specialism, KeyStage keyStage, Integer age, String postcodeDistrict,
        OffsetDateTime modifiedSince, Sort sort) {

    public enum Sort { NAME, UPDATED }

    String where() {
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and frameworkStatus = :status");
        }
        if (registration != null) {
            where.append(" and registrationStatus = :registration");
        }
        if (leadAuthority != null) {
            where.append(" and leadAuthority = :lead");
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(name) like :text or ukprn = :exact or urn = :exact)");
        }
        if (specialism != null) {
            where.append(" and array_contains(specialisms, :specialism)");
        }
        if (keyStage != null) {
            where.append(" and array_contains(keyStages, :keyStage)");
        }
        if (age != null) {
            where.append(" and (minAge is null or minAge <= :age) and (maxAge is null or maxAge >= :age)");
        }
        if (postcodeDistrict != null && !postcodeDistrict.isBlank()) {
            where.append(" and array_contains(postcodeDistricts, :district)");
        }
        if (modifiedSince != null) {
            where.append(" and updatedAt >= :since");
        }
        return where.toString();
    }

    String orderBy() {
        return sort == Sort.UPDATED ? " order by updatedAt, id" : " order by name, id";
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        if (status != null) {
            p.put("status", status);
        }
        if (registration != null) {
            p.put("registration", registration);
        }
        if (leadAuthority != null) {
            p.put("lead", leadAuthority);
        }
        if (text != null && !text.isBlank()) {
            String t = text.strip().toLowerCase(Locale.UK);
            p.put("text", "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            p.put("exact", text.strip());
        }
        if (specialism != null) {
            p.put("specialism", specialism.name());
        }
        if (keyStage != null) {
            p.put("keyStage", keyStage.name());
        }
        if (age != null) {
            p.put("age", age);
        }
        if (postcodeDistrict != null && !postcodeDistrict.isBlank()) {
            p.put("district", postcodeDistrict.strip().toUpperCase(Locale.UK));
        }
        if (modifiedSince != null) {
            p.put("since", modifiedSince);
        }
        return p;
    }
}
