package uk.gov.bristol.alp.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uk.gov.bristol.alp.platform.event.EventEnvelope;

/**
 * The idempotent-consumer guard. Called first inside the handler's transaction: the row and the
 * handler's changes commit together, so a redelivered event finds its row and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** @return true the first time this consumer sees the event; false for a duplicate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, EventEnvelope event) {
        int inserted = em.createNativeQuery("""
                insert into inbox_message (consumer, event_id, event_type) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
