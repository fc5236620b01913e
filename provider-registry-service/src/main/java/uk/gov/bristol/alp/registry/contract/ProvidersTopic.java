package uk.gov.bristol.alp.registry.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;

/**
 * What this service publishes on {@code alp.providers.v1} (platform's {@code asyncapi/alp-events.yaml}: every
 * provider event carries a {@code ProviderStateEnvelope}). Changing a field here is changing the contract.
 */
public final class ProvidersTopic {

    /** Payload of every alp.providers.v1 event: the provider's current public state. */
    public record ProviderState(
            UUID providerId,
            String name,
            String ukprn,
            String urn,
            String settingType,
            String registrationStatus,
            String leadAuthority,
            String frameworkStatus,
            String statusReason,
            boolean compliant,
            LocalDate compliantUntil,
            List<String> specialisms,
            List<ProviderDetails.Rate> rates,
            Integer responseTimescaleDays,
            Qa qa) {}

    /** Where quality assurance stands with the provider. */
    public record Qa(String risk, LocalDate lastVisitOn, String lastRating, LocalDate nextVisitDue) {}

    private ProvidersTopic() {}
}
