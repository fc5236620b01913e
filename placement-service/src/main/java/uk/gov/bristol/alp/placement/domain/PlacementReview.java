package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A review of a placement: who met, what they found, what they decided, and when the next is due by. */
@Entity
@Table(name = "placement_review")
public class PlacementReview extends PanacheEntityBase {
    public enum Decision {
        CONTINUE,
        CHANGE_TIMETABLE,
        PLAN_TRANSITION,
        END
    }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "held_on")
    public LocalDate heldOn;

    public String attendees;
    public String summary;

    /** What the pupil said about the placement, in their words or as recorded with them. */
    @Column(name = "pupil_voice")
    public String pupilVoice;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "next_review_by")
    public LocalDate nextReviewBy;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<PlacementReview> of(UUID placementId) {
        return list("placementId = ?1 order by heldOn, recordedAt", placementId);
    }
}
