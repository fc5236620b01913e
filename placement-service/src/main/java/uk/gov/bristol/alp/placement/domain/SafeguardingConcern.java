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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A safeguarding concern about a placement (docs/domain-rules.md, "Safeguarding concerns"): raised by the school,
 * the provider or the Hub with a severity, on the Hub's attention list until a Hub officer acknowledges it (and
 * escalated if nobody has in time), then assigned, worked with actions noted, and closed with an outcome.
 */
@Entity
@Table(name = "safeguarding_concern")
public class SafeguardingConcern extends PanacheEntityBase {
    public enum Severity {
        /** Worth knowing; no immediate risk. */
        LOW,
        /** Needs the Hub's action in days. */
        MEDIUM,
        /** Risk of harm: needs the Hub's action today. */
        HIGH
    }

    public enum Status {
        RAISED,
        ACKNOWLEDGED,
        CLOSED
    }

    /** What the concern led to, as the designated safeguarding lead records it. */
    public enum Outcome {
        NO_FURTHER_ACTION,
        MONITORING,
        EARLY_HELP,
        REFERRED_TO_CHILDRENS_SOCIAL_CARE,
        REFERRED_TO_POLICE,
        REFERRED_TO_LADO
    }

    /** One thing done about the concern, by whom and when. */
    public record Action(OffsetDateTime at, String by, String note) {}

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "school_urn")
    public String schoolUrn;

    @Column(name = "provider_id")
    public UUID providerId;

    /** The contact it was raised in, if any. */
    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String summary;

    @Column(name = "raised_by")
    public String raisedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "raised_by_party")
    public PlacementContact.Party raisedByParty;

    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "assigned_to")
    public String assignedTo;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Action> actions = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_note")
    public String outcomeNote;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public long version;

    /** Raised concerns nobody has acknowledged yet, oldest first. */
    public static List<SafeguardingConcern> unacknowledged() {
        return list("status = ?1 order by raisedAt", Status.RAISED);
    }

    public boolean isClosed() {
        return status == Status.CLOSED;
    }
}
