package uk.gov.bristol.alp.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.service.ProviderEvents;

/** Puts provider events in the outbox; every event carries the provider's current public state. */
@ApplicationScoped
public class ProviderEventsPublisher implements ProviderEvents {
    private final Outbox outbox;
    private final ProviderStates states;

    public ProviderEventsPublisher(Outbox outbox, ProviderStates states) {
        this.outbox = outbox;
        this.states = states;
    }

    @Override
    public void publish(String type, Provider provider, Compliance compliance) {
        outbox.publish(Topics.PROVIDERS, type, provider.id.toString(), states.of(provider, compliance));
    }
}
