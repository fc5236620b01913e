package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.AttendanceCode;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.text.Sha256;

/**
 * Attendance marks per session, in batches from providers. A batch is checked whole (each mark's placement, date
 * and code, 2024 code set) and stored whole or not at all; the latest mark for a session wins; a batch id already
 * received is answered again, not applied again. Each placement's marks go out as one event (finance checks
 * invoices against them).
 */
@ApplicationScoped
public class AttendanceService {
    private static final int MOST_ERRORS_LISTED = 50;
    private static final Set<Placement.Status> TAKES_MARKS = Set.of(
            Placement.Status.CONFIRMED, Placement.Status.ACTIVE, Placement.Status.ENDING, Placement.Status.ENDED);
    /** Persistent absence: this percentage or more of possible sessions missed (DfE). */
    static final BigDecimal PERSISTENT_ABSENCE = BigDecimal.TEN;

    private final EntityManager em;
    private final PlacementEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public AttendanceService(EntityManager em, PlacementEvents events, Caller caller, AuditLog audit, Clock clock) {
        this.em = em;
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Receipt record(UUID batchId, List<Mark> marks) {
        String fingerprint = fingerprint(marks);
        Object[] earlier = (Object[]) em.createNativeQuery(
                        "select marks, fingerprint from attendance_batch where batch_id = ?1", Object[].class)
                .setParameter(1, batchId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (earlier != null) {
            if (earlier[1] != null && !earlier[1].equals(fingerprint)) {
                throw new ProblemException(
                        PlacementRules.ATTENDANCE_BATCH_REUSED,
                        "batch " + batchId + " was received with other marks; nothing changed",
                        List.of(new FieldError("batchId", "sameMarks", "already used for a different batch")));
            }
            return new Receipt(batchId, ((Number) earlier[0]).intValue(), true);
        }
        Map<UUID, Window> placements = windows(marks.stream()
                .map(Mark::placementId)
                .filter(Objects::nonNull)
                .distinct()
                .toArray());
        requireValid(marks, placements);
        // The same session twice in one batch: the later mark is the correction.
        Map<String, Mark> latest = new LinkedHashMap<>();
        marks.forEach(m -> latest.put(m.placementId() + "/" + m.date() + "/" + m.session(), m));
        OffsetDateTime now = OffsetDateTime.now(clock);
        store(batchId, latest.values(), now);
        em.createNativeQuery("insert into attendance_batch (batch_id, marks, received_by, received_at, fingerprint) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, batchId)
                .setParameter(2, latest.size())
                .setParameter(3, caller.username())
                .setParameter(4, now)
                .setParameter(5, fingerprint)
                .executeUpdate();
        latest.values().stream()
                .collect(Collectors.groupingBy(Mark::placementId, LinkedHashMap::new, Collectors.toList()))
                .forEach((placementId, own) -> events.attendanceRecorded(
                        placementId, placements.get(placementId).providerId(), batchId, own));
        audit.record(
                AuditLog.Action.CREATE,
                "attendance-batch",
                batchId,
                latest.size() + " marks for " + placements.size() + " placement(s)");
        return new Receipt(batchId, latest.size(), false);
    }

    /** A placement's marks in a period, with its attendance rate and whether it is persistent absence. */
    @Transactional
    public Summary summary(Placement p, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                select session_date, session, code from attendance_mark
                where placement_id = ?1 and session_date between ?2 and ?3 order by session_date, session""", Object[].class)
                .setParameter(1, p.id)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
        List<MarkData> marks = rows.stream()
                .map(r -> new MarkData((LocalDate) r[0], (String) r[1], (String) r[2]))
                .toList();
        int possible = 0;
        int attended = 0;
        for (MarkData m : marks) {
            AttendanceCode code = AttendanceCode.fromCode(m.code()).orElseThrow();
            if (code.countsAsPossible()) {
                possible++;
                attended += code.countsAsAttending() ? 1 : 0;
            }
        }
        BigDecimal rate = possible == 0
                ? null
                : BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
        boolean persistent =
                rate != null && BigDecimal.valueOf(100).subtract(rate).compareTo(PERSISTENT_ABSENCE) >= 0;
        return new Summary(p.id, from, to, possible, attended, rate, persistent, marks);
    }

    /**
     * Every mark checked, each failure named by its index (the first {@value #MOST_ERRORS_LISTED} listed): complete,
     * a session AM or PM, a placement with the caller's provider that takes marks, a date within it, a 2024 code.
     */
    private void requireValid(List<Mark> marks, Map<UUID, Window> placements) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < marks.size() && errors.size() < MOST_ERRORS_LISTED; i++) {
            Mark m = marks.get(i);
            String at = "marks[" + i + "].";
            if (m == null || m.placementId() == null || m.date() == null || m.session() == null || m.code() == null) {
                errors.add(new FieldError(
                        "marks[" + i + "]", "complete", "each mark needs placementId, date, " + "session and code"));
                continue;
            }
            if (!m.session().equals("AM") && !m.session().equals("PM")) {
                errors.add(new FieldError(at + "session", "amOrPm", "AM or PM"));
            }
            Window p = placements.get(m.placementId());
            if (p == null || !caller.canSeeProvider(p.providerId().toString())) {
                errors.add(new FieldError(at + "placementId", "known", "no such placement with your provider"));
                continue;
            }
            if (!TAKES_MARKS.contains(p.status())) {
                errors.add(new FieldError(at + "placementId", "running", "the placement is " + p.status()));
            }
            if (m.date().isBefore(p.start()) || m.date().isAfter(p.last())) {
                errors.add(new FieldError(
                        at + "date", "withinPlacement", "must be from " + p.start() + " to " + p.last()));
            }
            AttendanceCode code = AttendanceCode.fromCode(m.code()).orElse(null);
            if (code == null) {
                String shown = m.code().length() > 5 ? m.code().substring(0, 5) + "..." : m.code();
                errors.add(new FieldError(at + "code", "attendanceCode", shown + " is not a DfE attendance code"));
            } else if (!code.isValidOn(m.date())) {
                errors.add(new FieldError(
                        at + "code",
                        "notWithdrawn",
                        m.code() + " was withdrawn from " + AttendanceCode.REGULATIONS_2024 + " (" + code.description
                                + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    PlacementRules.ATTENDANCE_BATCH_INVALID,
                    errors.size() + (errors.size() == MOST_ERRORS_LISTED ? "+" : "") + " mark(s) cannot be recorded",
                    errors);
        }
    }

    /**
     * What checking a mark needs of its placement, in one plain query (an entity query per batch cost a quarter
     * of the ingestion time in bench/attendance-ingestion.sh).
     */
    private Map<UUID, Window> windows(Object[] ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<UUID, Window> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, provider_id, status, start_date, coalesce(end_date, planned_end_date)
                    from placement where id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        found.put(
                                id,
                                new Window(
                                        rows.getObject(2, UUID.class),
                                        Placement.Status.valueOf(rows.getString(3)),
                                        rows.getObject(4, LocalDate.class),
                                        rows.getObject(5, LocalDate.class)));
                    }
                }
            }
            return found;
        });
    }

    /** A placement as attendance sees it: whose it is, whether it takes marks, and its first and last day. */
    private record Window(UUID providerId, Placement.Status status, LocalDate start, LocalDate last) {}

    /** A digest of the marks as sent (their order counts: a later mark for a session corrects an earlier one). */
    static String fingerprint(List<Mark> marks) {
        return Sha256.hex(marks.stream()
                .map(m -> m.placementId() + "|" + m.date() + "|" + m.session() + "|" + m.code())
                .collect(Collectors.joining("\n")));
    }

    /**
     * One statement for the whole batch: the marks go as arrays and are unnested server-side (measured faster than
     * a JDBC batch of single-row upserts; see bench/attendance-ingestion.sh).
     */
    private void store(UUID batchId, Collection<Mark> marks, OffsetDateTime now) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into attendance_mark (placement_id, session_date, session, code, batch_id, recorded_at)
                    select m.placement_id, m.session_date, m.session, m.code, ?, ?
                    from unnest(?::uuid[], ?::date[], ?::text[], ?::text[])
                         as m (placement_id, session_date, session, code)
                    on conflict (placement_id, session_date, session)
                    do update set code = excluded.code, batch_id = excluded.batch_id,
                                  recorded_at = excluded.recorded_at""")) {
                upsert.setObject(1, batchId);
                upsert.setTimestamp(2, Timestamp.from(now.toInstant()));
                upsert.setArray(
                        3,
                        connection.createArrayOf(
                                "uuid", marks.stream().map(Mark::placementId).toArray()));
                upsert.setArray(
                        4,
                        connection.createArrayOf(
                                "date",
                                marks.stream().map(m -> Date.valueOf(m.date())).toArray()));
                upsert.setArray(
                        5,
                        connection.createArrayOf(
                                "text", marks.stream().map(Mark::session).toArray()));
                upsert.setArray(
                        6,
                        connection.createArrayOf(
                                "text", marks.stream().map(Mark::code).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    public record Mark(UUID placementId, LocalDate date, String session, String code) {}

    public record MarkData(LocalDate date, String session, String code) {}

    /** Payload of placement.attendance-recorded.v1 (asyncapi: attendanceRecorded). */
    public record Receipt(UUID batchId, int marks, boolean alreadyReceived) {}

    public record Summary(
            UUID placementId,
            LocalDate from,
            LocalDate to,
            int possibleSessions,
            int attendedSessions,
            BigDecimal attendancePercent,
            boolean persistentAbsence,
            List<MarkData> marks) {}
}
