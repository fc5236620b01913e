package uk.gov.bristol.alp.placement.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

/**
 * When a placement needs someone's attention (DfE "Arranging alternative provision", 2025; docs/domain-rules.md): it was due
 * to start and has not, a review is overdue (at least half-termly), school and provider have not been in contact
 * for over a week, the pupil expected at the provider has not arrived, a keep-in-touch contact after the
 * placement is due, a safeguarding concern waits to be acknowledged (and escalates when it waits too long), or the
 * placement is flagged for review. Plain Java.
 */
public final class Oversight {
    public enum Kind {
        NOT_STARTED,
        REVIEW_OVERDUE,
        CONTACT_OVERDUE,
        ATTENDANCE_CONCERN,
        NOT_ARRIVED,
        KEEP_IN_TOUCH_DUE,
        /** A safeguarding concern nobody at the Hub has acknowledged yet. */
        SAFEGUARDING_CONCERN,
        /** A safeguarding concern still unacknowledged after {@code alp.placement.safeguarding-escalate-after}. */
        SAFEGUARDING_ESCALATED,
        /** A running placement flagged for review: its provider lapsed, or the panel decision behind it changed. */
        REVIEW_NEEDED,
        /** A started placement with no record of the family's agreement to it and to the plan for the week. */
        FAMILY_AGREEMENT_MISSING,
        /** A placement the SEND team commissioned in an emergency, until a Hub officer has reviewed it. */
        SEND_EMERGENCY,
        /** Its commitment has waited for finance approval past the target time, until finance approves it. */
        FUNDING_APPROVAL_OVERDUE,
        /** A proposal whose provider declined the offer, until the Hub offers it elsewhere or cancels it. */
        OFFER_DECLINED,
        /** A proposal whose provider has not answered the offer within its response timescale. */
        OFFER_OVERDUE,
        /** A running placement whose latest document of a kind (a risk assessment, say) is past its expiry date. */
        DOCUMENT_EXPIRED
    }

    /** One concern; {@code occurrence} tells one occurrence from the next (a due date, a session, a week). */
    public record Concern(
            UUID placementId,
            String schoolUrn,
            UUID providerId,
            Kind kind,
            String occurrence,
            LocalDate since,
            String detail) {
        static Concern about(Placement p, Kind kind, String occurrence, LocalDate since, String detail) {
            return new Concern(p.id, p.schoolUrn, p.providerId, kind, occurrence, since, detail);
        }
    }

    private final int reviewIntervalDays;
    private final int contactIntervalDays;
    private final Duration arrivalGrace;

    public Oversight(int reviewIntervalDays, int contactIntervalDays, Duration arrivalGrace) {
        this.reviewIntervalDays = reviewIntervalDays;
        this.contactIntervalDays = contactIntervalDays;
        this.arrivalGrace = arrivalGrace;
    }

    public int reviewIntervalDays() {
        return reviewIntervalDays;
    }

    /**
     * A raised safeguarding concern is on the list until acknowledged; once it has waited {@code escalateAfter} it
     * is there a second time, escalated. The detail names the severity and who raised it, never what was said.
     */
    public List<Concern> safeguarding(SafeguardingConcern c, ZonedDateTime now, Duration escalateAfter) {
        if (c.status != SafeguardingConcern.Status.RAISED) {
            return List.of();
        }
        String raised = c.severity + " safeguarding concern raised by the "
                + c.raisedByParty.name().toLowerCase().replace('_', ' ') + " at " + c.raisedAt;
        LocalDate since = c.raisedAt.atZoneSameInstant(now.getZone()).toLocalDate();
        List<Concern> concerns = new ArrayList<>();
        concerns.add(new Concern(
                c.placementId,
                c.schoolUrn,
                c.providerId,
                Kind.SAFEGUARDING_CONCERN,
                c.id.toString(),
                since,
                raised + ", not yet acknowledged"));
        if (!now.toOffsetDateTime().isBefore(c.raisedAt.plus(escalateAfter))) {
            concerns.add(new Concern(
                    c.placementId,
                    c.schoolUrn,
                    c.providerId,
                    Kind.SAFEGUARDING_ESCALATED,
                    c.id.toString(),
                    since,
                    raised + ", unacknowledged for over " + escalateAfter.toMinutes() + " minutes"));
        }
        return concerns;
    }

    /** A placement that has started without the family's agreement recorded: the school agrees the plan with them. */
    public Optional<Concern> familyAgreementMissing(Placement p, LocalDate today) {
        boolean running = p.status == Placement.Status.CONFIRMED || p.status == Placement.Status.ACTIVE;
        return running && p.familyAgreement == null && !today.isBefore(p.startDate)
                ? Optional.of(Concern.about(
                        p,
                        Kind.FAMILY_AGREEMENT_MISSING,
                        p.startDate.toString(),
                        p.startDate,
                        "started on " + p.startDate + " with no record of the family's agreement to the plan"))
                : Optional.empty();
    }

    /** A running placement the SEND team commissioned in an emergency, until the Hub records that it reviewed it. */
    public Optional<Concern> sendEmergency(Placement p) {
        boolean running = p.status == Placement.Status.CONFIRMED || p.status == Placement.Status.ACTIVE;
        return running && p.emergencyReason != null && p.emergencyReviewedAt == null
                ? Optional.of(Concern.about(
                        p,
                        Kind.SEND_EMERGENCY,
                        p.id.toString(),
                        p.createdAt.toLocalDate(),
                        "commissioned by the SEND team in an emergency; the Hub reviews it"))
                : Optional.empty();
    }

    /**
     * A placement not ended or cancelled whose commitment waits for finance approval past its target: the pupil may
     * be at home waiting for sign-off.
     */
    public Optional<Concern> fundingApprovalOverdue(Placement p) {
        boolean open = p.status != Placement.Status.ENDED && p.status != Placement.Status.CANCELLED;
        return open && p.fundingDueBy != null
                ? Optional.of(Concern.about(
                        p,
                        Kind.FUNDING_APPROVAL_OVERDUE,
                        p.fundingOverdueCommitment + "/" + p.fundingDueBy.toLocalDate(),
                        p.fundingDueBy.toLocalDate(),
                        "finance approval of its commitment was due by " + p.fundingDueBy))
                : Optional.empty();
    }

    /**
     * A proposal waiting on its offer: declined by the provider (the Hub offers it elsewhere), or not answered within
     * the provider's response timescale. {@code latest} is the proposal's latest offer.
     */
    public Optional<Concern> offerWaiting(Placement p, PlacementOffer latest, OffsetDateTime now) {
        if (p.status != Placement.Status.PROPOSED || latest == null) {
            return Optional.empty();
        }
        if (latest.answer == PlacementOffer.Answer.DECLINED) {
            return Optional.of(Concern.about(
                    p,
                    Kind.OFFER_DECLINED,
                    latest.id.toString(),
                    latest.answeredAt.toLocalDate(),
                    "the provider declined the offer on " + latest.answeredAt.toLocalDate()
                            + ": offer the placement to another provider or cancel it"));
        }
        return latest.overdue(now)
                ? Optional.of(Concern.about(
                        p,
                        Kind.OFFER_OVERDUE,
                        latest.id.toString(),
                        latest.respondBy.toLocalDate(),
                        "the provider was to answer the offer by " + latest.respondBy + " (" + latest.timescaleDays
                                + " working days) and has not"))
                : Optional.empty();
    }

    /**
     * A running placement's latest document of its kind expired before today: a new one (a reviewed risk assessment)
     * clears it. {@code document} names the document, {@code kind} what it is.
     */
    public Optional<Concern> documentExpired(
            Placement p, String kind, UUID document, LocalDate expiresOn, LocalDate today) {
        boolean running = p.status == Placement.Status.CONFIRMED || p.status == Placement.Status.ACTIVE;
        return running && expiresOn != null && expiresOn.isBefore(today)
                ? Optional.of(Concern.about(
                        p,
                        Kind.DOCUMENT_EXPIRED,
                        document.toString(),
                        expiresOn,
                        "the placement's "
                                + kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " expired on " + expiresOn
                                + "; attach a current one"))
                : Optional.empty();
    }

    /** A running placement flagged for review, until the Hub records that it reviewed it. */
    public Optional<Concern> reviewNeeded(Placement p, LocalDate today) {
        boolean running = p.status == Placement.Status.CONFIRMED || p.status == Placement.Status.ACTIVE;
        return running && p.reviewNeeded
                ? Optional.of(Concern.about(
                        p,
                        Kind.REVIEW_NEEDED,
                        p.reviewReason,
                        p.reviewFlaggedAt == null ? today : p.reviewFlaggedAt.toLocalDate(),
                        "flagged for review: " + p.reviewReason))
                : Optional.empty();
    }

    /** A confirmed placement whose start date has passed and that nobody has started: where is the pupil? */
    public Optional<Concern> notStarted(Placement p, LocalDate today) {
        return p.status == Placement.Status.CONFIRMED && today.isAfter(p.startDate)
                ? Optional.of(Concern.about(
                        p,
                        Kind.NOT_STARTED,
                        p.startDate.toString(),
                        p.startDate,
                        "due to start on " + p.startDate + " and not yet started"))
                : Optional.empty();
    }

    /** The first review is due an interval after the start; each review then says when the next is due by. */
    public LocalDate reviewDueBy(Placement p, LocalDate nextReviewBy) {
        return nextReviewBy != null ? nextReviewBy : p.startDate.plusDays(reviewIntervalDays);
    }

    public Optional<Concern> reviewOverdue(Placement p, LocalDate nextReviewBy, LocalDate today) {
        LocalDate due = reviewDueBy(p, nextReviewBy);
        return today.isAfter(due)
                ? Optional.of(Concern.about(p, Kind.REVIEW_OVERDUE, due.toString(), due, "a review was due by " + due))
                : Optional.empty();
    }

    /** Contact is due an interval after the last one (or after the start, before any). */
    public Optional<Concern> contactOverdue(Placement p, LocalDate lastContactOn, LocalDate today) {
        LocalDate due = (lastContactOn != null ? lastContactOn : p.startDate).plusDays(contactIntervalDays);
        return today.isAfter(due)
                ? Optional.of(Concern.about(
                        p,
                        Kind.CONTACT_OVERDUE,
                        due.toString(),
                        due,
                        lastContactOn == null
                                ? "no contact recorded between school and provider since the start"
                                : "no contact between school and provider since " + lastContactOn))
                : Optional.empty();
    }

    /**
     * Each of today's timetabled sessions that began more than the grace period ago, on a school day within the
     * placement, for which the provider has recorded no mark: the pupil has not arrived (or nobody said so).
     */
    public List<Concern> notArrived(Placement p, Set<String> markedToday, ZonedDateTime now, SchoolCalendar calendar) {
        LocalDate today = now.toLocalDate();
        List<Concern> concerns = new ArrayList<>();
        if (today.isBefore(p.startDate) || today.isAfter(p.plannedEndDate) || !calendar.isSchoolDay(today)) {
            return concerns;
        }
        Set<String> raised = new HashSet<>(markedToday);
        List<Timetable.Session> todays = p.timetable.sessions().stream()
                .filter(s -> s.day() == today.getDayOfWeek())
                .sorted(Comparator.comparing(Timetable.Session::start))
                .toList();
        for (Timetable.Session s : todays) {
            String half = s.start().isBefore(LocalTime.NOON) ? "AM" : "PM";
            boolean begunWithGrace = !now.toLocalTime().isBefore(s.start().plus(arrivalGrace));
            if (begunWithGrace && raised.add(half)) {
                concerns.add(Concern.about(
                        p,
                        Kind.NOT_ARRIVED,
                        today + "/" + half,
                        today,
                        "expected at the provider from " + s.start() + " today; no mark recorded by "
                                + s.start().plus(arrivalGrace)));
            }
        }
        return concerns;
    }

    /** Each keep-in-touch date of an ended placement that has passed with no contact on or after it. */
    public List<Concern> keepInTouchDue(Placement p, LocalDate lastContactOn, LocalDate today) {
        if (p.transitionPlan == null || p.transitionPlan.keepInTouchDates() == null) {
            return List.of();
        }
        return p.transitionPlan.keepInTouchDates().stream()
                .filter(d -> !d.isAfter(today) && (lastContactOn == null || lastContactOn.isBefore(d)))
                .map(d -> Concern.about(
                        p,
                        Kind.KEEP_IN_TOUCH_DUE,
                        d.toString(),
                        d,
                        "a keep-in-touch contact after the placement was due on " + d))
                .toList();
    }
}
