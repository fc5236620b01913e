package uk.gov.bristol.alp.registry.domain;

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
import uk.gov.bristol.alp.platform.codes.CheckKind;

/** One check as recorded: never updated, so the history of checks is kept. */
@Entity
@Table(name = "provider_check")
public class ProviderCheck extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public CheckKind kind;

    @Enumerated(EnumType.STRING)
    public CheckOutcome outcome;

    @Column(name = "checked_on")
    public LocalDate checkedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    public Authority authority;

    public String officer;

    @Column(name = "evidence_reference")
    public String evidenceReference;

    public String notes;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public CheckRecord record() {
        return new CheckRecord(kind, outcome, checkedOn, expiresOn, recordedAt.toInstant());
    }

    public static List<ProviderCheck> history(UUID providerId) {
        return list("providerId = ?1 order by checkedOn desc, recordedAt desc", providerId);
    }
}
