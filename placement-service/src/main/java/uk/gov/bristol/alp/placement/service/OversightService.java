package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.Oversight;
import uk.gov.bristol.alp.placement.domain.Oversight.Concern;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementOffer;
import uk.gov.bristol.alp.placement.domain.SafeguardingConcern;
import uk.gov.bristol.alp.platform.announce.AnnounceOnce;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.AttendanceCode;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

/**
 * Finds every concern about running (and recently ended) placements, for the Hub's attention list, and raises each
 * new one once as an event: what the sweep finds, and safeguarding concerns the moment they are raised. Reads in a
 * few set-based queries, so a sweep stays cheap at 100k placements.
 */
@ApplicationScoped
public class OversightService {
    /** Persistent absence (10% or more of possible sessions missed) is looked for over this window and sessions. */
    static final int ATTENDANCE_WINDOW_DAYS = 28;

    static final int ATTENDANCE_MIN_SESSIONS = 10;

    private final EntityManager em;
    private final AnnounceOnce announcements;
    private final PlacementEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final SchoolCalendar calendar;
    private final Oversight oversight;
    private final Duration escalateAfter;

    public OversightService(
            EntityManager em,
            AnnounceOnce announcements,
            PlacementEvents events,
            Caller caller,
            AuditLog audit,
            Clock clock,
            SchoolCalendar calendar,
            PlacementConfig config) {
        this.em = em;
        this.announcements = announcements;
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
        this.oversight =
                new Oversight(config.reviewIntervalDays(), config.contactIntervalDays(), config.arrivalGrace());
        this.escalateAfter = config.safeguardingEscalateAfter();
    }

    public Oversight rules() {
        return oversight;
    }

    /** The concerns the caller may see now: authority staff all, a school its pupils', a provider its own. */
    @Transactional
    public List<Concern> attentionList(Oversight.Kind kind) {
        if (!caller.isAuthorityWide() && !caller.hasRole(Roles.SCHOOL_STAFF) && !caller.hasRole(Roles.PROVIDER_STAFF)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "your role does not give access to placements");
        }
        List<Concern> all = concerns(ZonedDateTime.now(clock));
        audit.record(AuditLog.Action.READ, "placement-attention", kind == null ? "all" : kind.name());
        return all.stream()
                .filter(c -> kind == null || c.kind() == kind)
                .filter(c -> caller.canSeeSchool(c.schoolUrn())
                        || caller.canSeeProvider(c.providerId().toString()))
                .toList();
    }

    /** Raises each concern not raised before, as placement.attention-needed.v1. Returns how many were new. */
    @Transactional
    public int raiseNew(ZonedDateTime now) {
        int raised = 0;
        for (Concern c : concerns(now)) {
            if (announce(c)) {
                raised++;
            }
        }
        return raised;
    }

    /** A safeguarding concern just raised is announced at once, not at the next sweep. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceSafeguarding(SafeguardingConcern concern, ZonedDateTime now) {
        oversight.safeguarding(concern, now, escalateAfter).forEach(this::announce);
    }

    private boolean announce(Concern c) {
        if (announcements.firstTime(
                "placement-attention." + c.kind().name(), c.placementId(), c.occurrence(), c.detail())) {
            events.attentionNeeded(c);
            return true;
        }
        return false;
    }

    List<Concern> concerns(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        List<Placement> active = Placement.list("status", Placement.Status.ACTIVE);
        Map<UUID, LocalDate> nextReviews = dates("""
                select r.placement_id, r.next_review_by
                from placement_review r join placement p on p.id = r.placement_id
                where p.status = 'ACTIVE' order by r.held_on, r.recorded_at""");
        Map<UUID, LocalDate> lastContacts = dates("""
                select c.placement_id, max(c.contact_on)
                from placement_contact c join placement p on p.id = c.placement_id
                where p.status in ('ACTIVE', 'ENDED') group by c.placement_id""");
        Map<UUID, Set<String>> markedToday = markedOn(today);
        Set<UUID> poorAttendance = persistentlyAbsent(today);

        List<Concern> concerns = new ArrayList<>();
        for (Placement p : active) {
            oversight.sendEmergency(p).ifPresent(concerns::add);
            oversight.familyAgreementMissing(p, today).ifPresent(concerns::add);
            oversight.reviewOverdue(p, nextReviews.get(p.id), today).ifPresent(concerns::add);
            oversight.contactOverdue(p, lastContacts.get(p.id), today).ifPresent(concerns::add);
            concerns.addAll(oversight.notArrived(p, markedToday.getOrDefault(p.id, Set.of()), now, calendar));
            if (poorAttendance.contains(p.id)) {
                concerns.add(new Concern(
                        p.id,
                        p.schoolUrn,
                        p.providerId,
                        Oversight.Kind.ATTENDANCE_CONCERN,
                        today.getYear() + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                        today.minusDays(ATTENDANCE_WINDOW_DAYS),
                        AttendanceService.PERSISTENT_ABSENCE
                                + "% or more of possible sessions missed in the last " + ATTENDANCE_WINDOW_DAYS
                                + " days (persistent absence)"));
            }
        }
        for (Placement p :
                Placement.<Placement>list("status = ?1 and startDate < ?2", Placement.Status.CONFIRMED, today)) {
            oversight.notStarted(p, today).ifPresent(concerns::add);
            oversight.familyAgreementMissing(p, today).ifPresent(concerns::add);
        }
        for (Placement p : Placement.<Placement>list(
                "status = ?1 and emergencyReason is not null and emergencyReviewedAt is null",
                Placement.Status.CONFIRMED)) {
            oversight.sendEmergency(p).ifPresent(concerns::add);
        }
        for (Placement p :
                Placement.<Placement>list("status = ?1 and transitionPlan is not null", Placement.Status.ENDED)) {
            concerns.addAll(oversight.keepInTouchDue(p, lastContacts.get(p.id), today));
        }
        for (Placement p : Placement.<Placement>list(
                "reviewNeeded = true and status in ?1", List.of(Placement.Status.CONFIRMED, Placement.Status.ACTIVE))) {
            oversight.reviewNeeded(p, today).ifPresent(concerns::add);
        }
        for (Placement p : Placement.<Placement>list(
                "fundingDueBy is not null and status not in ?1",
                List.of(Placement.Status.ENDED, Placement.Status.CANCELLED))) {
            oversight.fundingApprovalOverdue(p).ifPresent(concerns::add);
        }
        Map<UUID, PlacementOffer> latestOffers = new HashMap<>();
        for (PlacementOffer o : PlacementOffer.<PlacementOffer>list(
                "placementId in (select p.id from Placement p where p.status = ?1) order by offeredAt, id",
                Placement.Status.PROPOSED)) {
            latestOffers.put(o.placementId, o);
        }
        for (Placement p : Placement.<Placement>list("status", Placement.Status.PROPOSED)) {
            oversight
                    .offerWaiting(p, latestOffers.get(p.id), now.toOffsetDateTime())
                    .ifPresent(concerns::add);
        }
        concerns.addAll(expiredDocuments(today));
        for (SafeguardingConcern c : SafeguardingConcern.unacknowledged()) {
            concerns.addAll(oversight.safeguarding(c, now, escalateAfter));
        }
        concerns.sort(Comparator.comparing(Concern::since)
                .thenComparing(c -> c.placementId().toString()));
        return concerns;
    }

    /** Running placements whose latest document of a kind has expired (platform table document). */
    @SuppressWarnings("unchecked")
    private List<Concern> expiredDocuments(LocalDate today) {
        List<Object[]> rows = em.createNativeQuery("""
                select * from (
                    select distinct on (d.owner_id, d.kind) d.owner_id, d.kind, d.id, d.expires_on
                    from document d join placement p on p.id = d.owner_id
                    where d.owner_type = :owner and p.status in ('CONFIRMED', 'ACTIVE')
                    order by d.owner_id, d.kind, d.uploaded_at desc, d.id) latest
                where latest.expires_on < :today""")
                .setParameter("owner", PlacementDocuments.OWNER)
                .setParameter("today", today)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Placement> placements = new HashMap<>();
        Placement.<Placement>list(
                        "id in ?1", rows.stream().map(r -> (UUID) r[0]).toList())
                .forEach(p -> placements.put(p.id, p));
        List<Concern> concerns = new ArrayList<>();
        for (Object[] r : rows) {
            oversight
                    .documentExpired(placements.get((UUID) r[0]), (String) r[1], (UUID) r[2], (LocalDate) r[3], today)
                    .ifPresent(concerns::add);
        }
        return concerns;
    }

    /** Rows of (placement id, date); a later row for the same placement replaces an earlier one. */
    @SuppressWarnings("unchecked")
    private Map<UUID, LocalDate> dates(String sql) {
        Map<UUID, LocalDate> out = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
            out.put((UUID) row[0], (LocalDate) row[1]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Set<String>> markedOn(LocalDate day) {
        Map<UUID, Set<String>> out = new HashMap<>();
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery("select placement_id, session from attendance_mark where session_date = ?1")
                        .setParameter(1, day)
                        .getResultList()) {
            out.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((String) row[1]);
        }
        return out;
    }

    /** Active placements that missed 10% or more of at least ten possible sessions in the last four weeks. */
    @SuppressWarnings("unchecked")
    private Set<UUID> persistentlyAbsent(LocalDate today) {
        List<String> possible = Arrays.stream(AttendanceCode.values())
                .filter(AttendanceCode::countsAsPossible)
                .map(c -> c.code)
                .toList();
        List<String> missed = Arrays.stream(AttendanceCode.values())
                .filter(c -> c.countsAsPossible() && !c.countsAsAttending())
                .map(c -> c.code)
                .toList();
        List<UUID> ids = em.createNativeQuery("""
                select m.placement_id from attendance_mark m join placement p on p.id = m.placement_id
                where p.status = 'ACTIVE' and m.session_date between :from and :to
                group by m.placement_id
                having count(*) filter (where m.code in (:possible)) >= :least
                   and count(*) filter (where m.code in (:missed)) * 100
                       >= :percent * count(*) filter (where m.code in (:possible))""")
                .setParameter("from", today.minusDays(ATTENDANCE_WINDOW_DAYS))
                .setParameter("to", today)
                .setParameter("possible", possible)
                .setParameter("missed", missed)
                .setParameter("least", ATTENDANCE_MIN_SESSIONS)
                .setParameter("percent", AttendanceService.PERSISTENT_ABSENCE.intValueExact())
                .getResultList();
        return new HashSet<>(ids);
    }
}
