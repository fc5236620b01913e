package uk.gov.bristol.alp.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/** Incoming events parked for an operator and not yet replayed, per consumer (0 for a consumer with none). */
@ApplicationScoped
public class ParkedEventGauges implements GaugeSource {
    static final String NAME = "alp.events.parked";

    private final EntityManager em;
    private final Instance<ReplayableConsumer> consumers;

    public ParkedEventGauges(EntityManager em, @Any Instance<ReplayableConsumer> consumers) {
        this.em = em;
        this.consumers = consumers;
    }

    @Override
    public void sample(Readings readings) {
        Map<String, Long> parked = new HashMap<>();
        consumers.forEach(c -> parked.put(c.name(), 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select consumer, count(*) from parked_event where replayed_at is null group by consumer")
                .getResultList();
        rows.forEach(r -> parked.put((String) r[0], ((Number) r[1]).longValue()));
        readings.declare(NAME, "Incoming events parked for an operator");
        parked.forEach((consumer, count) ->
                readings.add(NAME, "Incoming events parked for an operator", count, "consumer", consumer));
    }
}
