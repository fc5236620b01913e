package uk.gov.bristol.alp.finance.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Rate;

/** What this service reads of {@code alp.providers.v1}: every event carries the provider's whole state. */
public final class ProvidersTopic {

    /** The part of the registry's ProviderState finance keeps (asyncapi: ProviderStateEnvelope). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderState(UUID providerId, String name, List<String> specialisms, List<OfferedRate> rates) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfferedRate(Rate.Unit unit, BigDecimal amount, LocalDate validFrom, LocalDate validTo) {}

    private ProvidersTopic() {}
}
