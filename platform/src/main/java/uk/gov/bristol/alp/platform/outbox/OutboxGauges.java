package uk.gov.bristol.alp.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/** The outbox seen from outside: events waiting for the broker, the age of the oldest, events parked. */
@ApplicationScoped
public class OutboxGauges implements GaugeSource {
    private final EntityManager em;

    public OutboxGauges(EntityManager em) {
        this.em = em;
    }

    @Override
    public void sample(Readings readings) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where parked_at is null),
                       coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0),
                       count(*) filter (where parked_at is not null)
                from outbox_message where sent_at is null""").getSingleResult();
        readings.add("alp.outbox.backlog", "Events recorded and not yet acknowledged by the broker", number(row[0]))
                .add("alp.outbox.oldest.age.seconds", "Age of the oldest event waiting for the broker", number(row[1]))
                .add(
                        "alp.outbox.parked",
                        "Events the broker refused too often, waiting for an operator",
                        number(row[2]));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
