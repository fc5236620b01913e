package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.platform.codes.PlacementReason;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/** One pupil's placement with one provider. */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {
    public enum Commissioner {
        SCHOOL,
        ALP_HUB,
        SEND
    }

    public enum Route {
        SCHOOL_PART_TIME,
        PANEL_DECISION
    }

    /** How a placement ended, beside where the pupil went (its transition plan's destination). */
    public enum Outcome {
        /** Ran its planned course. */
        COMPLETED,
        /** Ended early because the pupil was ready to move on. */
        READY_EARLY,
        /** Ended early because it broke down (attendance, behaviour, fit). */
        BROKE_DOWN,
        /** The pupil left: moved away, or changed school. */
        PUPIL_LEFT,
        OTHER
    }

    public enum Status {
        PROPOSED,
        CONFIRMED,
        ACTIVE,
        ENDING,
        ENDED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "pupil_id")
    public UUID pupilId;

    @Column(name = "school_urn")
    public String schoolUrn;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Commissioner commissioner;

    @Enumerated(EnumType.STRING)
    public Route route;

    @Enumerated(EnumType.STRING)
    public Status status;
    /** Why, in the common language; null only on a proposal from a panel decision until the Hub gives one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public PlacementReason reasonCode;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Timetable timetable;

    @Column(name = "hours_per_week")
    public BigDecimal hoursPerWeek;

    @Column(name = "hourly_rate")
    public BigDecimal hourlyRate;

    @Column(name = "cost_code")
    public String costCode;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;
    /** The last day, once ended. */
    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "end_reason")
    public String endReason;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "transition_plan")
    public TransitionPlan transitionPlan;
    /**
     * Set when the provider is suspended or its compliance lapses while the placement runs, the pupil no longer has
     * the EHC plan its setting needs, or the panel decision behind it is superseded.
     */
    @Column(name = "review_needed")
    public boolean reviewNeeded;

    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "review_flagged_at")
    public OffsetDateTime reviewFlaggedAt;
    /** The AP setting, from the registry when the placement was made: exactly one of URN, UKPRN, setting type. */
    @Column(name = "ap_urn")
    public String apUrn;

    @Column(name = "ap_ukprn")
    public String apUkprn;

    @Column(name = "ap_setting_type")
    public String apSettingType;

    @Column(name = "decision_id")
    public UUID decisionId;

    /** The family's agreement to the placement and the plan for the rest of the week; null until recorded. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "family_agreement")
    public FamilyAgreement familyAgreement;

    /** What the provider must know to keep the pupil safe; null until the school or the Hub writes it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "need_to_know")
    public NeedToKnow needToKnow;

    /** Why the SEND team commissioned it (only in an emergency); null for everyone else's placements. */
    @Column(name = "emergency_reason")
    public String emergencyReason;

    @Column(name = "emergency_reviewed_at")
    public OffsetDateTime emergencyReviewedAt;

    /**
     * Set when finance says the placement's commitment has waited for approval past its target (by then a pupil may
     * be at home waiting for funding sign-off); cleared when finance approves it.
     */
    @Column(name = "funding_due_by")
    public OffsetDateTime fundingDueBy;

    @Column(name = "funding_overdue_commitment")
    public UUID fundingOverdueCommitment;

    /** Commissioned by its school with a provider not approved on the framework, on the school's own checks. */
    @Column(name = "off_framework")
    public boolean offFramework;

    /**
     * The W3C trace context of the panel decision that proposed the placement: its confirmation continues that
     * trace, so one trace shows decision, proposal, confirmation and commitment. Null for a placement commissioned
     * directly.
     */
    @Column(name = "origin_trace")
    public String originTrace;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /**
     * The placement if the caller may see it: its school, its provider, or authority staff. Otherwise "not found",
     * so ids cannot be probed.
     */
    public static Placement findVisible(UUID id, Caller caller) {
        Placement p = findById(id);
        if (p == null || !(caller.canSeeSchool(p.schoolUrn) || caller.canSeeProvider(p.providerId.toString()))) {
            throw ProblemException.notFound("placement", id);
        }
        return p;
    }

    /** Flags the placement for the Hub and the school to review, saying why. */
    public void needsReview(String why, OffsetDateTime at) {
        reviewNeeded = true;
        reviewReason = why;
        reviewFlaggedAt = at;
    }

    /** The Hub has reviewed the flagged (or SEND emergency) placement: the flag is lowered. */
    public void reviewed(OffsetDateTime at) {
        reviewNeeded = false;
        reviewReason = null;
        reviewFlaggedAt = null;
        if (emergencyReason != null && emergencyReviewedAt == null) {
            emergencyReviewedAt = at;
        }
    }

    /** Takes the AP setting from the provider as the registry describes it; unknown providers leave it empty. */
    public void takeApSettingFrom(ProviderView provider) {
        if (provider != null) {
            apUrn = provider.urn;
            apUkprn = provider.ukprn;
            apSettingType = provider.settingType;
        }
    }

    /** Full time at or over the threshold of hours a week; part time under it. */
    public String attendancePattern(BigDecimal fullTimeThreshold) {
        return hoursPerWeek.compareTo(fullTimeThreshold) >= 0 ? "FULL_TIME" : "PART_TIME";
    }

    /** Statuses in which a placement holds the pupil's time: proposed, confirmed or active. */
    public static final List<Status> HOLDING_TIME = List.of(Status.PROPOSED, Status.CONFIRMED, Status.ACTIVE);

    /** The pupil's other placements holding time on any day from {@code from} to {@code to}. */
    public static List<Placement> holdingTime(UUID pupilId, LocalDate from, LocalDate to, UUID excluding) {
        return list(
                "pupilId = ?1 and status in ?2 and startDate <= ?3 and plannedEndDate >= ?4 and id <> ?5 "
                        + "order by startDate, createdAt",
                pupilId,
                HOLDING_TIME,
                to,
                from,
                excluding == null ? new UUID(0, 0) : excluding);
    }

    /**
     * A pupil's hours a week at a provider from {@code from} to {@code to} (their highest, {@link WeeklyHours}) in
     * placements other than {@code excluding}: the unregistered-provider limit is on the child's total there, so
     * the placements of every school's record of the same UPN count.
     */
    public static BigDecimal hoursAt(UUID pupilId, UUID providerId, LocalDate from, LocalDate to, UUID excluding) {
        List<Placement> counted = list(
                "pupilId in (select q.id from Pupil q where q.upn = (select p.upn from Pupil p where p.id = ?1)) "
                        + "and providerId = ?2 and status in ?3 and startDate <= ?4 "
                        + "and plannedEndDate >= ?5 and id <> ?6",
                pupilId,
                providerId,
                WeeklyHours.COUNTED,
                to,
                from,
                excluding == null ? new UUID(0, 0) : excluding);
        return WeeklyHours.peak(counted, from, to);
    }
}
