package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
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

    /**
     * Records a register's marks for one placement; a later mark for the same session replaces the earlier (a
     * corrected register). One statement for them all: the marks go as arrays, unnested by PostgreSQL (a
     * statement per mark made finance the largest consumer of CPU in bench/attendance-ingestion.sh).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID placementId, List<Mark> marks) {
        Map<String, Mark> latest = new LinkedHashMap<>();
        marks.forEach(m -> latest.put(m.date() + "/" + m.session(), m));
        Timestamp now = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into delivered_session (placement_id, session_date, session, code, attended, recorded_at)
                    select ?, m.session_date, m.session, m.code, m.attended, ?
                    from unnest(?::date[], ?::text[], ?::text[], ?::boolean[])
                         as m (session_date, session, code, attended)
                    on conflict (placement_id, session_date, session)
                    do update set code = excluded.code, attended = excluded.attended,
                                  recorded_at = excluded.recorded_at""")) {
                upsert.setObject(1, placementId);
                upsert.setTimestamp(2, now);
                upsert.setArray(
                        3,
                        connection.createArrayOf(
                                "date",
                                latest.values().stream()
                                        .map(m -> Date.valueOf(m.date()))
                                        .toArray()));
                upsert.setArray(
                        4,
                        connection.createArrayOf(
                                "text",
                                latest.values().stream().map(Mark::session).toArray()));
                upsert.setArray(
                        5,
                        connection.createArrayOf(
                                "text",
                                latest.values().stream().map(m -> m.code().code).toArray()));
                upsert.setArray(
                        6,
                        connection.createArrayOf(
                                "boolean",
                                latest.values().stream()
                                        .map(m -> m.code().countsAsAttending())
                                        .toArray()));
                upsert.executeUpdate();
            }
        });
    }

    /** One session's mark. */
    public record Mark(LocalDate date, String session, AttendanceCode code) {}

    /** Sessions in the period (inclusive) marked as attended, and marked at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Counts in(UUID placementId, LocalDate from, LocalDate to) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where attended), count(*) from delivered_session
                where placement_id = ?1 and session_date between ?2 and ?3""")
                .setParameter(1, placementId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getSingleResult();
        return new Counts(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    public record Counts(int attended, int marked) {}
}
