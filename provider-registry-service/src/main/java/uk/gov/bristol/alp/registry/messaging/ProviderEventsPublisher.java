package uk.gov.bristol.alp.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.registry.contract.ProvidersTopic;
import uk.gov.bristol.alp.registry.contract.ProvidersTopic.ProviderState;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.service.ProviderEvents;
import uk.gov.bristol.alp.registry.service.QualityAssuranceService;

/** Puts provider events in the outbox; every event carries the provider's current public state. */
@ApplicationScoped
public class ProviderEventsPublisher implements ProviderEvents {
    private final Outbox outbox;
    private final QualityAssuranceService qa;

    public ProviderEventsPublisher(Outbox outbox, QualityAssuranceService qa) {
        this.outbox = outbox;
        this.qa = qa;
    }

    @Override
    public void publish(String type, Provider provider, Compliance compliance) {
        outbox.publish(Topics.PROVIDERS, type, provider.id.toString(), state(provider, compliance));
    }

    private ProviderState state(Provider p, Compliance c) {
        QualityAssuranceService.State q = qa.state(p.id);
        return new ProviderState(
                p.id,
                p.name,
                p.ukprn,
                p.urn,
                p.settingType == null ? null : p.settingType.name(),
                p.registrationStatus.name(),
                p.leadAuthority.code(),
                p.frameworkStatus.name(),
                p.statusReason,
                c.compliant(),
                c.compliantUntil(),
                List.of(p.specialisms),
                p.rates,
                p.responseTimescaleDays,
                new ProvidersTopic.Qa(
                        q.risk().name(),
                        q.lastVisitOn(),
                        q.lastRating() == null ? null : q.lastRating().name(),
                        q.nextVisitDue()));
    }
}
