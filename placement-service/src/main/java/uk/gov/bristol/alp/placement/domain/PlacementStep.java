package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One step of a placement's life: from what, to what, what was done, why, by whom, when. */
@Entity
@Table(name = "placement_step")
public class PlacementStep extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public Placement.Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public Placement.Status toStatus;

    public String what;
    public String reason;

    @Column(name = "taken_by")
    public String takenBy;

    @Column(name = "taken_at")
    public OffsetDateTime takenAt;

    /** Records a step of {@code p} to {@code to} (its status is the caller's to change). */
    public static PlacementStep record(
            Placement p, Placement.Status to, String what, String reason, String by, OffsetDateTime at) {
        PlacementStep step = new PlacementStep();
        step.id = UUID.randomUUID();
        step.placementId = p.id;
        step.fromStatus = p.status;
        step.toStatus = to;
        step.what = what;
        step.reason = reason;
        step.takenBy = by;
        step.takenAt = at;
        step.persist();
        return step;
    }

    public static List<PlacementStep> of(UUID placementId) {
        return list("placementId = ?1 order by takenAt, id", placementId);
    }
}
