package uk.gov.bristol.alp.registry.domain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A quality assurance visit to a provider: scheduled with a due date, then recorded with its findings. */
@Entity
@Table(name = "qa_visit")
public class QaVisit extends PanacheEntityBase {
    public enum Status {
        SCHEDULED,
        COMPLETED,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @Column(name = "visited_by")
    public String visitedBy;

    @Enumerated(EnumType.STRING)
    public QualityAssurance.Rating rating;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<QualityAssurance.Finding> findings = new ArrayList<>();

    public String summary;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Version
    public long version;

    public static QaVisit scheduled(UUID providerId, LocalDate dueOn) {
        QaVisit v = new QaVisit();
        v.id = UUID.randomUUID();
        v.providerId = providerId;
        v.dueOn = dueOn;
        v.status = Status.SCHEDULED;
        return v;
    }

    public static Optional<QaVisit> nextFor(UUID providerId) {
        return find("providerId = ?1 and status = ?2", providerId, Status.SCHEDULED)
                .firstResultOptional();
    }

    public static Optional<QaVisit> lastFor(UUID providerId) {
        return find(
                        "providerId = ?1 and status = ?2 order by visitedOn desc, recordedAt desc",
                        providerId,
                        Status.COMPLETED)
                .firstResultOptional();
    }

    public static List<QaVisit> of(UUID providerId) {
        return list("providerId = ?1 order by dueOn, id", providerId);
    }
}
