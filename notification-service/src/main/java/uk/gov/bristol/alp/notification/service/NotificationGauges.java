package uk.gov.bristol.alp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.bristol.alp.notification.domain.DeliveryStatus;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/**
 * Delivery at a glance: notifications by state (FAILED, UNCERTAIN and NO_RECIPIENT need an officer), and how long
 * the oldest due one has waited (the relay away, or the dispatcher stopped).
 */
@ApplicationScoped
public class NotificationGauges implements GaugeSource {
    private static final List<DeliveryStatus> WATCHED = List.of(
            DeliveryStatus.PENDING,
            DeliveryStatus.SENDING,
            DeliveryStatus.QUEUED_FOR_DIGEST,
            DeliveryStatus.FAILED,
            DeliveryStatus.UNCERTAIN,
            DeliveryStatus.NO_RECIPIENT);

    private final EntityManager em;

    public NotificationGauges(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void sample(Readings readings) {
        Map<String, Number> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                        "select status, count(*) from notification where status <> 'SENT' and status <> 'IN_DIGEST'"
                                + " group by status")
                .getResultList()) {
            counts.put((String) row[0], (Number) row[1]);
        }
        for (DeliveryStatus status : WATCHED) {
            readings.add(
                    "alp.notifications",
                    "Notifications by delivery state (those sent are not counted)",
                    counts.getOrDefault(status.name(), 0).doubleValue(),
                    "status",
                    status.name());
        }
        Number waited = (Number) em.createNativeQuery("""
                        select coalesce(extract(epoch from now() - min(next_attempt_at)), 0) from notification
                        where status = 'PENDING' and next_attempt_at <= now()""").getSingleResult();
        readings.add(
                "alp.notifications.oldest.due.seconds",
                "Seconds the oldest due notification has waited",
                Math.max(0, waited.doubleValue()));
    }
}
