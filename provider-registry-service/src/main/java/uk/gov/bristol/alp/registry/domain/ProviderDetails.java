package uk.gov.bristol.alp.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;

/** A provider's offer, as schools and officers choose by it. Plain values; rules in {@link #validate()}. */
public record ProviderDetails(
        String description,
        Set<Specialism> specialisms,
        Set<KeyStage> keyStages,
        Integer minAge,
        Integer maxAge,
        Integer capacity,
        Integer responseTimescaleDays,
        String slaReference,
        boolean careersAdvice,
        String website,
        List<Site> sites,
        List<Contact> contacts,
        List<Rate> rates) {

    /** A UK postcode, outward and inward parts (GOV.UK pattern, spaces optional). */
    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");

    public record Site(String name, String addressLine, String town, String postcode) {
        /** The outward code ("BS5"), by which schools search. */
        public String district() {
            var m = POSTCODE.matcher(postcode.toUpperCase(Locale.UK).strip());
            return m.matches() ? m.group(1) : null;
        }
    }

    /** A contact; only those marked public may appear in the public directory. */
    public record Contact(String name, String role, String email, String phone, boolean isPublic) {}

    public enum RateUnit {
        HOUR,
        SESSION,
        DAY,
        WEEK
    }

    /** A rate offered, valid from a date (to a date, if it ends). Money in GBP, exact decimal. */
    public record Rate(RateUnit unit, BigDecimal amount, LocalDate validFrom, LocalDate validTo) {}

    public static ProviderDetails none() {
        return new ProviderDetails(
                null, Set.of(), Set.of(), null, null, null, null, null, false, null, List.of(), List.of(), List.of());
    }

    /** What anyone may read: the offer and public contacts; never rates, the SLA reference or private contacts. */
    public ProviderDetails publicPart() {
        return new ProviderDetails(
                description,
                specialisms,
                keyStages,
                minAge,
                maxAge,
                capacity,
                responseTimescaleDays,
                null,
                careersAdvice,
                website,
                sites,
                contacts.stream().filter(Contact::isPublic).toList(),
                List.of());
    }

    public Set<String> postcodeDistricts() {
        return sites.stream().map(Site::district).filter(d -> d != null).collect(Collectors.toSet());
    }

    /** Cross-field rules; single-field rules are on the API records. */
    public void validate() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (minAge != null && maxAge != null && minAge > maxAge) {
            errors.add(new Problem.FieldError("maxAge", "notBelowMinAge", "maxAge must be at least minAge"));
        }
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).district() == null) {
                errors.add(new Problem.FieldError("sites[" + i + "].postcode", "ukPostcode", "not a UK postcode"));
            }
        }
        for (int i = 0; i < rates.size(); i++) {
            Rate r = rates.get(i);
            if (r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
                errors.add(new Problem.FieldError(
                        "rates[" + i + "].validTo", "notBeforeValidFrom", "validTo must be on or after validFrom"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    RegistryRules.PROVIDER_DETAILS, errors.get(0).message(), errors);
        }
    }
}
