package uk.gov.bristol.alp.panel.domain;

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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Attachment;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Intervention;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Requested;
import uk.gov.bristol.alp.panel.domain.ReferralContent.ReturnNote;
import uk.gov.bristol.alp.panel.domain.ReferralContent.Safeguarding;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.RequiredFields;

/**
 * A referral to the Inclusion Panel. Holds safeguarding information: every read is audited.
 * DRAFT -> SUBMITTED -> SCHEDULED (on a meeting's agenda) -> DECIDED; the panel may return a submitted or
 * scheduled referral to the school (RETURNED), which edits and resubmits it; a deferral puts it back to
 * SUBMITTED for a later agenda.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        SUBMITTED,
        SCHEDULED,
        RETURNED,
        DECIDED
    }

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
    /** When the Fair Access case began: the 20-school-day clock counts from here. */
    @Column(name = "fair_access_since")
    public LocalDate fairAccessSince;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "graduated_response")
    public List<Intervention> graduatedResponse;

    @JdbcTypeCode(SqlTypes.JSON)
    public Safeguarding safeguarding;

    @Column(name = "parent_view")
    public String parentView;

    @Column(name = "pupil_voice")
    public String pupilVoice;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attachment> attachments;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReturnNote> returns;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "first_submitted_at")
    public OffsetDateTime firstSubmittedAt;

    @Version
    public long version;

    /**
     * Every part a submission still lacks, by field (docs/domain-rules.md: the graduated response and safeguarding
     * information are evidenced before a placement is agreed; the panel cannot weigh a referral without the
     * pupil, the reason and what is asked for).
     */
    public List<FieldError> missingForSubmission() {
        RequiredFields fields = new RequiredFields();
        PupilDetails p = pupil == null ? PupilDetails.NONE : pupil;
        fields.require(p.upn(), "pupil.upn", "give the pupil's UPN")
                .require(p.firstName(), "pupil.firstName", "give the pupil's first name")
                .require(p.lastName(), "pupil.lastName", "give the pupil's last name")
                .require(p.dateOfBirth(), "pupil.dateOfBirth", "give the pupil's date of birth")
                .require(p.senProvision(), "pupil.senProvision", "give the SEN provision (E, K or N)")
                .require(reason, "reason", "say why the pupil is referred")
                .require(requested, "requested", "say what is asked for");
        if (graduatedResponse == null || graduatedResponse.isEmpty()) {
            fields.add(
                    "graduatedResponse",
                    "required",
                    "list what the school has tried (SEN support, pastoral support plan, outside agencies...)");
        } else {
            for (int i = 0; i < graduatedResponse.size(); i++) {
                Intervention step = graduatedResponse.get(i);
                String at = "graduatedResponse[" + i + "].";
                fields.require(step.kind(), at + "kind", "say what was tried")
                        .require(step.from(), at + "from", "say when it began")
                        .require(step.outcome(), at + "outcome", "say what came of it")
                        .require(step.by(), at + "by", "say who did it");
                if (step.from() != null && step.to() != null && step.to().isBefore(step.from())) {
                    fields.add(at + "to", "afterFrom", "must be on or after from");
                }
            }
        }
        Safeguarding s = safeguarding == null ? new Safeguarding(null, null, null, null) : safeguarding;
        fields.require(
                        s.designatedSafeguardingLead(),
                        "safeguarding.designatedSafeguardingLead",
                        "name the designated safeguarding lead")
                .require(
                        s.socialCareInvolved(),
                        "safeguarding.socialCareInvolved",
                        "say whether children's social care is involved")
                .require(s.knownRisks(), "safeguarding.knownRisks", "state the known risks, or that none are known");
        return fields.errors();
    }

    public void submit(String by, OffsetDateTime at) {
        requireStatus("submit", Status.DRAFT, Status.RETURNED);
        List<FieldError> missing = missingForSubmission();
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    PanelRules.REFERRAL_INCOMPLETE, missing.size() + " required part(s) missing", missing);
        }
        status = Status.SUBMITTED;
        submittedBy = by;
        submittedAt = at;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = at;
        }
        if (fairAccess && fairAccessSince == null) {
            fairAccessSince = at.toLocalDate();
        }
    }

    public void returnToSchool(String why, String by, OffsetDateTime at) {
        requireStatus("return", Status.SUBMITTED, Status.SCHEDULED);
        returns = new ArrayList<>(returns == null ? List.of() : returns);
        returns.add(new ReturnNote(why, by, at));
        status = Status.RETURNED;
    }

    public void requireEditable() {
        requireStatus("edit", Status.DRAFT, Status.RETURNED);
    }

    public void requireStatus(String action, Status... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new ProblemException(
                    PanelRules.REFERRAL_STATUS,
                    "cannot " + action + " a referral that is " + status + " (allowed when " + List.of(allowed) + ")");
        }
    }
}
