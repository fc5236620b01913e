package uk.gov.bristol.alp.platform.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event a consumer could not apply, kept for an operator (table from db/platform/V0_4). */
@Entity
@Table(name = "parked_event")
public class ParkedEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String consumer;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    public String subject;

    public String record;

    public String error;

    public int attempts;

    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;

    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Column(name = "replay_outcome")
    public String replayOutcome;
}
