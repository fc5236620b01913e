package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service knows of a registry provider, from alp.providers.v1 (never from its tables). */
@Entity
@Table(name = "provider_view")
public class ProviderView extends PanacheEntityBase {
    @Id
    @Column(name = "provider_id")
    public UUID providerId;
    public String name;
    @Column(name = "framework_status")
    public String frameworkStatus;
    @Column(name = "registration_status")
    public String registrationStatus;
    public boolean compliant;
    @Column(name = "compliant_until")
    public LocalDate compliantUntil;
    /** The provider's identity as an AP setting: exactly one of these three (the registry enforces it). */
    public String urn;
    public String ukprn;
    @Column(name = "setting_type")
    public String settingType;
    /** Time of the event this row reflects: an older event arriving late never overwrites a newer one. */
    @Column(name = "as_of")
    public OffsetDateTime asOf;
}
