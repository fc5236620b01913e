package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pupil moving to another school (docs/domain-rules.md, "Families"): requested by the pupil's school or the Hub,
 * agreed or declined by the Hub. Agreed, the new school's record of the pupil takes the running placements.
 */
@Entity
@Table(name = "pupil_transfer")
public class PupilTransfer extends PanacheEntityBase {
    public enum Status {
        REQUESTED,
        AGREED,
        DECLINED
    }

    @Id
    public UUID id;

    @Column(name = "pupil_id")
    public UUID pupilId;

    @Column(name = "from_school_urn")
    public String fromSchoolUrn;

    @Column(name = "to_school_urn")
    public String toSchoolUrn;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    /** The new school's record of the pupil, once agreed. */
    @Column(name = "new_pupil_id")
    public UUID newPupilId;

    @Version
    public long version;
}
