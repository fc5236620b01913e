package uk.gov.bristol.alp.finance.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.finance.domain.FinanceProvider;
import uk.gov.bristol.alp.finance.service.CommitmentService;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/**
 * Keeps finance's view of each provider (alp.providers.v1): name, specialisms and offered rates, for pricing
 * commitments that wait for a rate and for value-for-money comparisons. A late, older event changes nothing.
 */
@ApplicationScoped
public class ProviderEventsConsumer {
    private static final String CONSUMER = "finance-service.providers";

    private final EventHandler handler;
    private final EventJson json;
    private final CommitmentService commitments;
    private final Map<String, Consumer<EventEnvelope>> handlers;

    public ProviderEventsConsumer(EventHandler handler, EventJson json, CommitmentService commitments) {
        this.handler = handler;
        this.json = json;
        this.commitments = commitments;
        Consumer<EventEnvelope> upsert = this::upsert;
        this.handlers = EventTypes.PROVIDER_STATE_EVENTS.stream()
                .collect(Collectors.toMap(Function.identity(), type -> upsert));
    }

    @Incoming("providers")
    @Blocking
    public void onProviderEvent(String record) {
        handler.handle(CONSUMER, record, handlers);
    }

    private void upsert(EventEnvelope event) {
        ProviderState state = json.data(event, ProviderState.class);
        FinanceProvider provider = FinanceProvider.findById(state.providerId());
        if (provider == null) {
            provider = new FinanceProvider();
            provider.providerId = state.providerId();
        } else if (provider.asOf != null && provider.asOf.isAfter(event.time())) {
            return;
        }
        provider.name = state.name();
        provider.specialisms = state.specialisms() == null ? List.of() : state.specialisms();
        provider.rates = state.rates() == null ? List.of() : state.rates();
        provider.asOf = event.time();
        provider.persist();
        commitments.applyRates(provider.providerId);
    }

    /** The part of the registry's ProviderState finance keeps. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderState(UUID providerId, String name, List<String> specialisms,
            List<FinanceProvider.OfferedRate> rates) {
    }
}
