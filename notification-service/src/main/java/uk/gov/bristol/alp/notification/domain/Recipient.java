package uk.gov.bristol.alp.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The address an audience is told at (a shared inbox), and how it wants routine notifications. */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    /** The school's URN or the provider's id; empty for a team. */
    public String key;

    public String email;

    @Enumerated(EnumType.STRING)
    public Preference preference;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static Optional<Recipient> of(Audience audience, String key) {
        return find("audience = ?1 and key = ?2", audience, key == null ? "" : key)
                .firstResultOptional();
    }
}
