package uk.gov.bristol.alp.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.platform.codes.ApSettingType;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;

/** A provider on (or applying to) the tri-authority framework, with its status transitions. */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;
    public String ukprn;
    public String urn;

    @Enumerated(EnumType.STRING)
    @Column(name = "setting_type")
    public ApSettingType settingType;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status")
    public RegistrationStatus registrationStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "lead_authority")
    public Authority leadAuthority;

    @Enumerated(EnumType.STRING)
    @Column(name = "framework_status")
    public FrameworkStatus frameworkStatus;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "compliance_lapsed")
    public boolean complianceLapsed;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] specialisms = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "key_stages")
    public String[] keyStages = new String[0];

    @Column(name = "min_age")
    public Integer minAge;

    @Column(name = "max_age")
    public Integer maxAge;

    public Integer capacity;

    /** How closely quality assurance watches it: how often it is visited. */
    @Enumerated(EnumType.STRING)
    @Column(name = "qa_risk")
    public QualityAssurance.Risk qaRisk = QualityAssurance.Risk.MEDIUM;

    @Column(name = "response_timescale_days")
    public Integer responseTimescaleDays;

    @Column(name = "sla_reference")
    public String slaReference;

    @Column(name = "careers_advice")
    public boolean careersAdvice;

    public String website;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProviderDetails.Site> sites = List.of();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "postcode_districts")
    public String[] postcodeDistricts = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProviderDetails.Contact> contacts = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProviderDetails.Rate> rates = List.of();

    @Version
    public long version;

    public static Provider apply(
            String name,
            String ukprn,
            String urn,
            ApSettingType settingType,
            RegistrationStatus registration,
            Authority lead,
            OffsetDateTime now) {
        if (ukprn == null && urn == null && settingType == null) {
            throw new ProblemException(
                    RegistryRules.PROVIDER_IDENTITY,
                    "give a UKPRN, a URN or an AP setting type",
                    List.of(new Problem.FieldError("ukprn", "required", "UKPRN, URN or settingType is required")));
        }
        if (settingType != null && (ukprn != null || urn != null)) {
            throw new ProblemException(
                    RegistryRules.PROVIDER_IDENTITY,
                    "an AP setting type is only for providers with neither UKPRN nor URN",
                    List.of(new Problem.FieldError(
                            "settingType",
                            "onlyWithoutUkprnOrUrn",
                            "leave settingType empty when a UKPRN or URN is given")));
        }
        Provider p = new Provider();
        p.id = UUID.randomUUID();
        p.name = name;
        p.ukprn = ukprn;
        p.urn = urn;
        p.settingType = settingType;
        p.registrationStatus = registration;
        p.leadAuthority = lead;
        p.frameworkStatus = FrameworkStatus.APPLIED;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** Approve an applicant when compliant; otherwise name every gap. */
    public void approve(Compliance compliance, String reason, OffsetDateTime now) {
        if (frameworkStatus != FrameworkStatus.APPLIED) {
            throw transition("approve");
        }
        requireCompliant(compliance);
        move(FrameworkStatus.APPROVED, reason, now);
    }

    /** Back onto the framework after a suspension: the same evidence rule as approval. */
    public void reinstate(Compliance compliance, String reason, OffsetDateTime now) {
        if (frameworkStatus != FrameworkStatus.SUSPENDED) {
            throw transition("reinstate");
        }
        requireCompliant(compliance);
        move(FrameworkStatus.APPROVED, reason, now);
    }

    /** Off the framework for good (from any status but removed). */
    public void remove(String reason, OffsetDateTime now) {
        if (frameworkStatus == FrameworkStatus.REMOVED) {
            throw transition("remove");
        }
        move(FrameworkStatus.REMOVED, reason, now);
    }

    private void requireCompliant(Compliance compliance) {
        if (!compliance.compliant()) {
            List<Problem.FieldError> errors = compliance.gaps().stream()
                    .map(g -> new Problem.FieldError(
                            "checks." + g.kind(),
                            g.problem(),
                            g.kind() + " is " + g.problem()
                                    + (g.expiredOn() == null ? "" : " (expired " + g.expiredOn() + ")")))
                    .toList();
            throw new ProblemException(
                    RegistryRules.APPROVAL_NEEDS_COMPLIANT_CHECKS,
                    errors.size() + " mandatory check(s) missing, failed or expired",
                    errors);
        }
    }

    public void suspend(String reason, OffsetDateTime now) {
        if (frameworkStatus != FrameworkStatus.APPROVED) {
            throw transition("suspend");
        }
        move(FrameworkStatus.SUSPENDED, reason, now);
    }

    public ProviderDetails details() {
        return new ProviderDetails(
                description,
                enums(specialisms, Specialism.class),
                enums(keyStages, KeyStage.class),
                minAge,
                maxAge,
                capacity,
                responseTimescaleDays,
                slaReference,
                careersAdvice,
                website,
                sites,
                contacts,
                rates);
    }

    /**
     * Replaces the provider's details (checked first).
     *
     * @return true when the rates offered changed (finance keeps rates from ProviderRatesChanged)
     */
    public boolean describe(ProviderDetails d, OffsetDateTime now) {
        d.validate();
        boolean ratesChanged = !d.rates().equals(rates);
        description = d.description();
        specialisms = d.specialisms().stream().map(Enum::name).sorted().toArray(String[]::new);
        keyStages = d.keyStages().stream().map(Enum::name).sorted().toArray(String[]::new);
        minAge = d.minAge();
        maxAge = d.maxAge();
        capacity = d.capacity();
        responseTimescaleDays = d.responseTimescaleDays();
        slaReference = d.slaReference();
        careersAdvice = d.careersAdvice();
        website = d.website();
        sites = List.copyOf(d.sites());
        postcodeDistricts = d.postcodeDistricts().stream().sorted().toArray(String[]::new);
        contacts = List.copyOf(d.contacts());
        rates = List.copyOf(d.rates());
        updatedAt = now;
        return ratesChanged;
    }

    private static <E extends Enum<E>> Set<E> enums(String[] names, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String n : names) {
            set.add(Enum.valueOf(type, n));
        }
        return set;
    }

    /**
     * Reconciles the recorded lapse with today's compliance.
     *
     * @return true when an approved provider has just lapsed (publish ProviderComplianceLapsed once)
     */
    public boolean noteCompliance(Compliance compliance) {
        boolean lapsedNow = frameworkStatus == FrameworkStatus.APPROVED && !compliance.compliant();
        boolean newlyLapsed = lapsedNow && !complianceLapsed;
        complianceLapsed = lapsedNow;
        return newlyLapsed;
    }

    private void move(FrameworkStatus to, String reason, OffsetDateTime now) {
        frameworkStatus = to;
        statusReason = reason;
        updatedAt = now;
    }

    private ProblemException transition(String action) {
        return new ProblemException(
                RegistryRules.FRAMEWORK_TRANSITION,
                "cannot " + action + " a provider whose framework status is " + frameworkStatus);
    }
}
