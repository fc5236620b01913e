package uk.gov.bristol.alp.registry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;

/** Names the details that changed, for the audit trail ("specialisms, sites"). */
final class ProviderDetailsDiff {
    private static final List<Field> FIELDS = List.of(
            new Field("description", ProviderDetails::description),
            new Field("specialisms", ProviderDetails::specialisms),
            new Field("keyStages", ProviderDetails::keyStages),
            new Field("minAge", ProviderDetails::minAge),
            new Field("maxAge", ProviderDetails::maxAge),
            new Field("capacity", ProviderDetails::capacity),
            new Field("responseTimescaleDays", ProviderDetails::responseTimescaleDays),
            new Field("slaReference", ProviderDetails::slaReference),
            new Field("careersAdvice", ProviderDetails::careersAdvice),
            new Field("website", ProviderDetails::website),
            new Field("sites", ProviderDetails::sites),
            new Field("contacts", ProviderDetails::contacts),
            new Field("rates", ProviderDetails::rates));

    private record Field(String name, Function<ProviderDetails, Object> value) {}

    private ProviderDetailsDiff() {}

    static String between(ProviderDetails before, ProviderDetails after) {
        List<String> changed = new ArrayList<>();
        for (Field f : FIELDS) {
            if (!Objects.equals(f.value().apply(before), f.value().apply(after))) {
                changed.add(f.name());
            }
        }
        return changed.isEmpty() ? "nothing" : String.join(", ", changed);
    }
}
