package uk.gov.bristol.alp.registry.service;

import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.Provider;

/**
 * What the use cases announce; the messaging package puts it in the outbox, in the caller's transaction. A port,
 * so that use cases never depend on how events are published.
 */
public interface ProviderEvents {

    /** {@code type}: one of the provider event types; the event carries the provider's whole public state. */
    void publish(String type, Provider provider, Compliance compliance);
}
