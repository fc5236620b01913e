package uk.gov.bristol.alp.placement.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What this service reads of {@code alp.providers.v1}: every event carries the provider's whole state. */
public final class ProvidersTopic {

    /** The part of the registry's ProviderState this service keeps (asyncapi: ProviderStateEnvelope). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderState(
            UUID providerId,
            String name,
            String frameworkStatus,
            String registrationStatus,
            boolean compliant,
            LocalDate compliantUntil,
            String urn,
            String ukprn,
            String settingType,
            List<String> specialisms,
            Integer responseTimescaleDays,
            Qa qa) {}

    /** Where quality assurance stands with the provider (asyncapi: ProviderStateEnvelope.qa). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Qa(String risk, LocalDate lastVisitOn, String lastRating, LocalDate nextVisitDue) {}

    private ProvidersTopic() {}
}
