package uk.gov.bristol.alp.placement.domain;

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
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;

/** A pupil in (or referred to) ALP. Special-category data: every read and write is audited. */
@Entity
@Table(name = "pupil")
public class Pupil extends PanacheEntityBase {
    @Id
    public UUID id;

    public String upn;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "school_urn")
    public String schoolUrn;

    @Enumerated(EnumType.STRING)
    @Column(name = "sen_provision")
    public SenProvision senProvision;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Enumerated(EnumType.STRING)
    public Ethnicity ethnicity;

    @Column(name = "looked_after")
    public boolean lookedAfter;
    /** Free school meals eligibility, as periods (DfE CBDS: eligibility start and end dates). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fsm_periods")
    public List<FsmPeriod> fsmPeriods = new ArrayList<>();

    /** The EHC needs assessment requested or under way, if any (null when none was ever recorded). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ehc_needs_assessment")
    public EhcNeedsAssessment ehcNeedsAssessment;

    /** Parents and carers (docs/access-matrix.md: the pupil's school and authority staff read them). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Carer> carers = new ArrayList<>();
    /** Unique Learner Number, for pupils aged 14 and over. */
    public String uln;
    /** The day the pupil left the school's roll, if they have. */
    @Column(name = "left_school_on")
    public LocalDate leftSchoolOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /** A new pupil record (not yet persisted). */
    public static Pupil of(
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String schoolUrn,
            SenProvision senProvision,
            Sex sex,
            Ethnicity ethnicity,
            boolean lookedAfter,
            OffsetDateTime now) {
        Pupil p = new Pupil();
        p.id = UUID.randomUUID();
        p.upn = upn;
        p.firstName = firstName;
        p.lastName = lastName;
        p.dateOfBirth = dateOfBirth;
        p.schoolUrn = schoolUrn;
        p.senProvision = senProvision;
        p.sex = sex;
        p.ethnicity = ethnicity;
        p.lookedAfter = lookedAfter;
        p.createdAt = now;
        return p;
    }

    /**
     * The school's own record of the pupil with this UPN. Each school that has the pupil on roll keeps its own
     * record, so another school's UPN is not found here (and gives no sign that it exists).
     */
    public static Optional<Pupil> atSchool(String schoolUrn, String upn) {
        return find("schoolUrn = ?1 and upn = ?2", schoolUrn, upn).firstResultOptional();
    }

    /**
     * Serialises the safety rules for one child until the transaction ends: commissioning, confirmation and revision
     * read the child's other placements, then write; two at once would each miss the other (two 10-hour placements
     * at an unregistered provider, both accepted). Keyed by UPN, because the hours at a provider add up across
     * every school's record of the child.
     */
    public static void lockForSafetyRules(UUID pupilId) {
        getEntityManager()
                .createNativeQuery(
                        "select pg_advisory_xact_lock(hashtextextended('pupil:' || upn, 0)) from pupil where id = ?1")
                .setParameter(1, pupilId)
                .getResultList();
    }

    public boolean hasEhcPlan() {
        return senProvision == SenProvision.E;
    }

    /** One period of free school meals eligibility; an open period has no end. */
    public record FsmPeriod(LocalDate start, LocalDate end) {}
}
