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
 * What a caller asks of the provider list. {@code modifiedSince} with sort UPDATED gives partner
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
        if (text != null && !text.isBlank()) {
            criteria.always(
                    "lower(name) like :text or ukprn = :exact or urn = :exact",
                    Map.of("text", Criteria.containing(text), "exact", text.strip()));
        }
        return criteria;
    }

    String orderBy() {
        return sort == Sort.UPDATED ? "updatedAt, id" : "name, id";
    }
}
