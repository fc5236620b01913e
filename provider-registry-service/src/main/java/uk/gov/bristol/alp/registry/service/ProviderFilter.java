package uk.gov.bristol.alp.registry.service;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.RegistrationStatus;
import uk.gov.bristol.alp.registry.domain.Specialism;

/**
 * What a caller asks of the provider list; {@code hasVacancy} keeps providers with a vacancy (for the specialism and
 * key stage asked for, if they are). {@code modifiedSince} with sort UPDATED gives partner
 * authorities a change feed: every provider changed at or after that instant, oldest change first.
 */
public record ProviderFilter(
        FrameworkStatus status,
        RegistrationStatus registration,
        Authority leadAuthority,
        String text,
        Specialism specialism,
        KeyStage keyStage,
        Integer age,
        String postcodeDistrict,
        OffsetDateTime modifiedSince,
        Boolean hasVacancy,
        Sort sort) {

    public enum Sort {
        NAME,
        UPDATED
    }

    /** The where clause and its parameters; text matches a name in part, or a UKPRN or URN exactly. */
    Criteria criteria() {
        Criteria criteria = new Criteria()
                .equal("frameworkStatus", status)
                .equal("registrationStatus", registration)
                .equal("leadAuthority", leadAuthority)
                .when(
                        specialism == null ? null : specialism.name(),
                        "array_contains(specialisms, :specialism)",
                        "specialism")
                .when(keyStage == null ? null : keyStage.name(), "array_contains(keyStages, :keyStage)", "keyStage")
                .when(age, "(minAge is null or minAge <= :age) and (maxAge is null or maxAge >= :age)", "age")
                .when(
                        postcodeDistrict == null
                                ? null
                                : postcodeDistrict.strip().toUpperCase(Locale.UK),
                        "array_contains(postcodeDistricts, :district)",
                        "district")
                .when(modifiedSince, "updatedAt >= :since", "since");
        if (Boolean.TRUE.equals(hasVacancy)) {
            // A vacancy for the specialism and key stage asked for, when they are.
            criteria.always(
                    "id in (select v.providerId from ProviderVacancy v where v.vacancies > 0"
                            + (specialism == null ? "" : " and v.specialism = :vacancySpecialism")
                            + (keyStage == null ? "" : " and v.keyStage = :vacancyKeyStage")
                            + ")",
                    vacancyParameters());
        }
        if (text != null && !text.isBlank()) {
            criteria.always(
                    "lower(name) like :text or ukprn = :exact or urn = :exact",
                    Map.of("text", Criteria.containing(text), "exact", text.strip()));
        }
        return criteria;
    }

    private Map<String, Object> vacancyParameters() {
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (specialism != null) {
            parameters.put("vacancySpecialism", specialism);
        }
        if (keyStage != null) {
            parameters.put("vacancyKeyStage", keyStage);
        }
        return parameters;
    }

    String orderBy() {
        return sort == Sort.UPDATED ? "updatedAt, id" : "name, id";
    }
}
