package uk.gov.bristol.alp.platform.announce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * "Announce once": an event that goes out the first time something happens, not each time it is seen again (a
 * budget passing 80 %, a placement's concern on one day). The occurrence is recorded in the caller's transaction
 * (table {@code announcement}, platform migration V0_2); only the transaction that records it first is told to
 * announce, so repeated sweeps and concurrent checks never announce twice, and a rolled-back announcement is
 * announced again later.
 */
@ApplicationScoped
public class AnnounceOnce {
    private final EntityManager em;
    private final Clock clock;

    public AnnounceOnce(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records the occurrence; true when this is the first time (the caller announces it then).
     *
     * @param kind what happens, for example {@code budget-threshold}
     * @param subject what it happens to (an aggregate id)
     * @param occurrence which time it happens (a level, a date, a session)
     * @param detail what was seen, kept for whoever asks later (may be null)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String kind, Object subject, Object occurrence, String detail) {
        return em.createNativeQuery("""
                insert into announcement (kind, subject, occurrence, detail, announced_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                        .setParameter(1, kind)
                        .setParameter(2, subject.toString())
                        .setParameter(3, occurrence.toString())
                        .setParameter(4, detail)
                        .setParameter(5, OffsetDateTime.now(clock))
                        .executeUpdate()
                == 1;
    }
}
