package uk.gov.bristol.alp.registry.domain;

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

/** A provider's places and current vacancies for one specialism at one key stage. */
@Entity
@Table(name = "provider_vacancy")
public class ProviderVacancy extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Specialism specialism;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_stage")
    public KeyStage keyStage;

    public int places;

    public int vacancies;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<ProviderVacancy> of(UUID providerId) {
        return list("providerId = ?1 order by specialism, keyStage", providerId);
    }
}
