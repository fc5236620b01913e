package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One target of a placement's learning plan: an outcome broken down, and how far the pupil has come. */
@Entity
@Table(name = "learning_target")
public class LearningTarget extends PanacheEntityBase {
    public enum Progress {
        NOT_STARTED,
        EMERGING,
        DEVELOPING,
        SECURE,
        ACHIEVED
    }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    public String outcome;
    public String target;

    @Enumerated(EnumType.STRING)
    public Progress progress;

    @Column(name = "progress_note")
    public String progressNote;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static List<LearningTarget> of(UUID placementId) {
        return list("placementId = ?1 order by outcome, updatedAt, id", placementId);
    }
}
