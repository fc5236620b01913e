package uk.gov.bristol.alp.panel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Intervention;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Requested;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Safeguarding;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/** A referral to the Inclusion Panel. Holds safeguarding information: every read is audited. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    public static final ProblemType INCOMPLETE = ProblemType.rule("referral-incomplete",
            "A referral needs graduated-response evidence and safeguarding information before it is submitted", 422);

    public enum Status { SUBMITTED, DECIDED }

    @Id
    public UUID id;
    @Column(name = "school_urn")
    public String schoolUrn;
    @JdbcTypeCode(SqlTypes.JSON)
    public PupilDetails pupil;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Requested requested;
    @Column(name = "fair_access")
    public boolean fairAccess;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "graduated_response")
    public List<Intervention> graduatedResponse;
    @JdbcTypeCode(SqlTypes.JSON)
    public Safeguarding safeguarding;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Version
    public long version;

    /** Submission rule (DOMAIN.md): evidence of the graduated response and safeguarding information first. */
    public static void requireSubmittable(List<Intervention> graduatedResponse, Safeguarding safeguarding) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (graduatedResponse == null || graduatedResponse.isEmpty()) {
            missing.add(new Problem.FieldError("graduatedResponse", "required",
                    "list what the school has tried (SEN support, pastoral support plan, outside agencies...)"));
        }
        if (safeguarding == null || safeguarding.designatedSafeguardingLead() == null
                || safeguarding.designatedSafeguardingLead().isBlank()) {
            missing.add(new Problem.FieldError("safeguarding.designatedSafeguardingLead", "required",
                    "name the designated safeguarding lead"));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(INCOMPLETE, missing.size() + " required part(s) missing", missing);
        }
    }
}
