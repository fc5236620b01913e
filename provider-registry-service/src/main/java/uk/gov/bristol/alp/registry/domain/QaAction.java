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
import java.util.List;
import java.util.UUID;

/** Something a QA visit asked to be done, by whom and by when, followed up until done. */
@Entity
@Table(name = "qa_action")
public class QaAction extends PanacheEntityBase {
    public enum Status {
        OPEN,
        DONE
    }

    @Id
    public UUID id;

    @Column(name = "visit_id")
    public UUID visitId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public QualityAssurance.Area area;

    public String action;

    /** Who does it: a person or role at the provider, or the registry team. */
    public String owner;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "done_on")
    public LocalDate doneOn;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_note")
    public String doneNote;

    @Version
    public long version;

    public boolean overdue(LocalDate today) {
        return status == Status.OPEN && dueOn.isBefore(today);
    }

    public static List<QaAction> of(UUID providerId) {
        return list("providerId = ?1 order by dueOn, id", providerId);
    }
}
