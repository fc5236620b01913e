package uk.gov.bristol.alp.registry.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.Provider;

/** Puts provider events in the outbox; every event carries the provider's current public state. */
@ApplicationScoped
public class ProviderEvents {
    private final Outbox outbox;

    public ProviderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, Provider provider, Compliance compliance) {
        outbox.publish(Topics.PROVIDERS, type, provider.id.toString(), ProviderState.of(provider, compliance));
    }

    /** Payload of every alp.providers.v1 event (asyncapi: ProviderState). */
    public record ProviderState(UUID providerId, String name, String ukprn, String urn, String settingType,
            String registrationStatus, String leadAuthority, String frameworkStatus, String statusReason,
            boolean compliant, LocalDate compliantUntil, java.util.List<String> specialisms,
            java.util.List<uk.gov.bristol.alp.registry.domain.ProviderDetails.Rate> rates) {

        static ProviderState of(Provider p, Compliance c) {
            return new ProviderState(p.id, p.name, p.ukprn, p.urn,
                    p.settingType == null ? null : p.settingType.name(), p.registrationStatus.name(),
                    p.leadAuthority.code(), p.frameworkStatus.name(), p.statusReason, c.compliant(),
                    c.compliantUntil(), java.util.List.of(p.specialisms), p.rates);
        }
    }
}
