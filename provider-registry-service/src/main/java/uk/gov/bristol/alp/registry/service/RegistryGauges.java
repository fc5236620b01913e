package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/**
 * The framework at a glance: approved providers and those whose evidence has lapsed; and partner push: deliveries
 * waiting (and how long the oldest has), and those given up.
 */
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
        Object[] push = (Object[]) em.createNativeQuery("""
                select count(*) filter (where status in ('PENDING', 'SENDING')),
                       coalesce(extract(epoch from now() - min(created_at)
                                filter (where status in ('PENDING', 'SENDING'))), 0),
                       count(*) filter (where status = 'FAILED')
                from webhook_delivery""").getSingleResult();
        readings.add(
                        "alp.webhook.deliveries.waiting",
                        "Partner push deliveries not yet taken by the partner",
                        ((Number) push[0]).doubleValue())
                .add(
                        "alp.webhook.deliveries.oldest.waiting.seconds",
                        "How long the oldest waiting partner push delivery has waited",
                        ((Number) push[1]).doubleValue())
                .add(
                        "alp.webhook.deliveries.failed",
                        "Partner push deliveries given up after the retry window, still in the delivery log",
                        ((Number) push[2]).doubleValue());
    }
}
