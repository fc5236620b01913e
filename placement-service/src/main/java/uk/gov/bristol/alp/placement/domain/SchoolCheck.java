package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.CheckKind;

/**
 * One of a school's own checks on a provider (the framework's kinds), as done on a day and valid until a date. A
 * school records them before commissioning a provider that is not approved on the framework, and may record them
 * for a framework provider too. Never changed: a newer record of the same kind replaces it as the current one.
 */
@Entity
@Table(name = "school_provider_check")
public class SchoolCheck extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "school_urn")
    public String schoolUrn;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public CheckKind kind;

    @Column(name = "evidence_reference")
    public String evidenceReference;

    @Column(name = "checked_on")
    public LocalDate checkedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The school's current check of each kind on the provider (the latest recorded), in the kinds' order. */
    public static Collection<SchoolCheck> current(String schoolUrn, UUID providerId) {
        Map<CheckKind, SchoolCheck> latest = new LinkedHashMap<>();
        List<SchoolCheck> all =
                list("schoolUrn = ?1 and providerId = ?2 order by kind, recordedAt desc", schoolUrn, providerId);
        for (SchoolCheck c : all) {
            latest.putIfAbsent(c.kind, c);
        }
        return latest.values();
    }
}
