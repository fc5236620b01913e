package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.AttendanceCode;

/** The sessions each placement's attendance shows, as the placement service publishes its registers. */
@ApplicationScoped
public class DeliveredSessions {
    private final EntityManager em;
    private final Clock clock;

    public DeliveredSessions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records a mark; a later mark for the same session replaces it (a corrected register). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID placementId, LocalDate date, String session, AttendanceCode code) {
        em.createNativeQuery("""
                insert into delivered_session (placement_id, session_date, session, code, attended, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (placement_id, session_date, session)
                do update set code = excluded.code, attended = excluded.attended, recorded_at = excluded.recorded_at""")
                .setParameter(1, placementId).setParameter(2, date).setParameter(3, session)
                .setParameter(4, code.code).setParameter(5, code.countsAsAttending())
                .setParameter(6, OffsetDateTime.now(clock)).executeUpdate();
    }

    /** Sessions in the period (inclusive) marked as attended, and marked at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Counts in(UUID placementId, LocalDate from, LocalDate to) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where attended), count(*) from delivered_session
                where placement_id = ?1 and session_date between ?2 and ?3""")
                .setParameter(1, placementId).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Counts(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    public record Counts(int attended, int marked) {
    }
}
