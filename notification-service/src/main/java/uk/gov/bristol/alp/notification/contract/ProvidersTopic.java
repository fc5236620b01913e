package uk.gov.bristol.alp.notification.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** What this service reads of {@code alp.providers.v1}: a provider's evidence lapsing. */
public final class ProvidersTopic {

    /** asyncapi: ProviderStateEnvelope. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderState(UUID providerId, String name, LocalDate compliantUntil) {}

    private ProvidersTopic() {}
}
