package uk.gov.bristol.alp.registry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import uk.gov.bristol.alp.registry.contract.ProvidersTopic;
import uk.gov.bristol.alp.registry.contract.ProvidersTopic.ProviderState;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.service.QualityAssuranceService;

/** A provider's whole public state as every provider event and every partner push carries it. */
@ApplicationScoped
public class ProviderStates {
    private final QualityAssuranceService qa;

    public ProviderStates(QualityAssuranceService qa) {
        this.qa = qa;
    }

    public ProviderState of(Provider p, Compliance c) {
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
