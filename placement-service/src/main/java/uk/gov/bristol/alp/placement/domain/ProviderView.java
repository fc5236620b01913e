package uk.gov.bristol.alp.placement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.platform.projection.ProjectedRow;

/**
 * What this service knows of a registry provider, from alp.providers.v1 (never from its tables). The registry's
 * status names are kept as text, so a status added there later is stored, not refused; the methods below are the
 * only places that read them.
 */
@Entity
@Table(name = "provider_view")
public class ProviderView extends ProjectedRow {
    private static final String APPROVED = "APPROVED";
    private static final String UNREGISTERED = "UNREGISTERED";

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

    /** Working days the provider undertakes to answer an offer in (its service-level agreement); null if not said. */
    @Column(name = "response_timescale_days")
    public Integer responseTimescaleDays;

    /** What the provider offers (registry specialism codes), for reports by specialism. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> specialisms = List.of();

    /** Quality assurance as the registry last said: risk, last visit and its rating, next visit due. */
    @Column(name = "qa_risk")
    public String qaRisk;

    @Column(name = "qa_last_visit_on")
    public LocalDate qaLastVisitOn;

    @Column(name = "qa_last_rating")
    public String qaLastRating;

    @Column(name = "qa_next_visit_due")
    public LocalDate qaNextVisitDue;

    /** Approved on the framework (whatever its evidence says). */
    public boolean approved() {
        return APPROVED.equals(frameworkStatus);
    }

    /** Approved with its evidence in date: placements with it need no review. */
    public boolean inGoodStanding() {
        return approved() && compliant;
    }

    public static List<ProviderView> allUnregistered() {
        return list("registrationStatus", UNREGISTERED);
    }

    /** Not registered as a school: the s463 full-time limits apply. */
    public boolean unregistered() {
        return UNREGISTERED.equals(registrationStatus);
    }

    /** The provider's row, or a new, unsaved one for it. */
    public static ProviderView findOrNew(UUID providerId) {
        ProviderView row = findById(providerId);
        if (row == null) {
            row = new ProviderView();
            row.providerId = providerId;
        }
        return row;
    }
}
