package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposed placement offered to one provider, and the provider's answer: accepted with the day it can start, or
 * declined with its reason. The provider answers within its response timescale (working days, from the registry);
 * the Hub confirms only an accepted offer, and offers a declined placement to another provider.
 */
@Entity
@Table(name = "placement_offer")
public class PlacementOffer extends PanacheEntityBase {
    public enum Answer {
        AWAITING,
        ACCEPTED,
        DECLINED,
        /** The Hub took the offer back: it offered the placement elsewhere, or the proposal was cancelled. */
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "offered_at")
    public OffsetDateTime offeredAt;

    @Column(name = "offered_by")
    public String offeredBy;

    @Column(name = "respond_by")
    public OffsetDateTime respondBy;

    @Column(name = "timescale_days")
    public int timescaleDays;

    @Enumerated(EnumType.STRING)
    public Answer answer;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    /** The day the provider can start the pupil, when it accepts. */
    @Column(name = "start_date")
    public LocalDate startDate;

    /** Why the provider declined (required), or what it said when it accepted, or why the Hub withdrew it. */
    @Column(name = "answer_note")
    public String answerNote;

    @Version
    public long version;

    /** An offer made now, to be answered within {@code timescaleDays} working days. */
    public static PlacementOffer make(
            UUID placementId, UUID providerId, int timescaleDays, String by, ZonedDateTime now) {
        PlacementOffer o = new PlacementOffer();
        o.id = UUID.randomUUID();
        o.placementId = placementId;
        o.providerId = providerId;
        o.offeredAt = now.toOffsetDateTime();
        o.offeredBy = by;
        o.timescaleDays = timescaleDays;
        o.respondBy = addWorkingDays(now, timescaleDays).toOffsetDateTime();
        o.answer = Answer.AWAITING;
        return o;
    }

    /**
     * {@code days} working days (Monday to Friday) after {@code from}, at the same time of day. Bank holidays are
     * not known here, so a timescale over one is a day shorter than the provider's contract may say.
     */
    public static ZonedDateTime addWorkingDays(ZonedDateTime from, int days) {
        ZonedDateTime at = from;
        for (int left = days; left > 0; ) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at;
    }

    public void answer(Answer given, String by, OffsetDateTime at, LocalDate start, String note) {
        answer = given;
        answeredBy = by;
        answeredAt = at;
        startDate = start;
        answerNote = note;
    }

    /** Waiting for the provider past its timescale. */
    public boolean overdue(OffsetDateTime now) {
        return answer == Answer.AWAITING && now.isAfter(respondBy);
    }

    /** Answered (accepted or declined) by the time it was due. */
    public boolean answeredInTime() {
        return answeredAt != null && !answeredAt.isAfter(respondBy);
    }

    /** The placement's offer still open (awaiting an answer, or accepted and not yet confirmed), locked. */
    public static Optional<PlacementOffer> openFor(UUID placementId) {
        return find("placementId = ?1 and answer in ?2", placementId, List.of(Answer.AWAITING, Answer.ACCEPTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The placement's latest offer, whatever its answer. */
    public static Optional<PlacementOffer> latestFor(UUID placementId) {
        return find("placementId = ?1 order by offeredAt desc, id", placementId).firstResultOptional();
    }

    public static List<PlacementOffer> of(UUID placementId) {
        return list("placementId = ?1 order by offeredAt, id", placementId);
    }
}
