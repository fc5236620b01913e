package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/** The framework at a glance: providers per framework status, and approved providers whose evidence has lapsed. */
@ApplicationScoped
public class RegistryGauges implements GaugeSource {
    private final EntityManager em;

    public RegistryGauges(EntityManager em) {
        this.em = em;
    }

    @Override
    public void sample(Readings readings) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where framework_status = 'APPROVED' and compliance_lapsed),
                       count(*) filter (where framework_status = 'APPROVED')
                from provider""").getSingleResult();
        readings.add(
                        "alp.providers.lapsed.evidence",
                        "Approved providers with expired or missing evidence",
                        ((Number) row[0]).doubleValue())
                .add("alp.providers.approved", "Providers approved on the framework", ((Number) row[1]).doubleValue());
    }
}
