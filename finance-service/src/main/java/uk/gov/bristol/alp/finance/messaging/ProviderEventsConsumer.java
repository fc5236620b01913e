package uk.gov.bristol.alp.finance.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.finance.contract.ProvidersTopic.ProviderState;
import uk.gov.bristol.alp.finance.domain.FinanceProvider;
import uk.gov.bristol.alp.finance.service.CommitmentService;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.projection.ProjectionConsumer;

/**
 * Keeps finance's view of each provider (alp.providers.v1): name, specialisms and offered rates, for pricing
 * commitments that wait for a rate and for value-for-money comparisons.
 */
@ApplicationScoped
public class ProviderEventsConsumer extends ProjectionConsumer<ProviderState, FinanceProvider> {
    private final CommitmentService commitments;

    public ProviderEventsConsumer(EventHandler handler, EventJson json, CommitmentService commitments) {
        super(handler, json, "finance-service.providers", EventTypes.PROVIDER_STATE_EVENTS, ProviderState.class);
        this.commitments = commitments;
    }

    @Incoming("providers")
    @Blocking
    public void onProviderEvent(String record) {
        accept(record);
    }

    @Override
    public FinanceProvider rowFor(ProviderState state) {
        return FinanceProvider.findOrNew(state.providerId());
    }

    @Override
    public void copy(ProviderState state, FinanceProvider provider) {
        provider.name = state.name();
        provider.specialisms = state.specialisms() == null ? List.of() : state.specialisms();
        provider.rates = state.rates() == null
                ? List.of()
                : state.rates().stream()
                        .map(r -> new FinanceProvider.OfferedRate(r.unit(), r.amount(), r.validFrom(), r.validTo()))
                        .toList();
    }

    /** Commitments waiting for a rate are priced as soon as one applies. */
    @Override
    public void applied(ProviderState state, FinanceProvider provider, EventEnvelope event) {
        commitments.applyRates(provider.providerId);
    }
}
