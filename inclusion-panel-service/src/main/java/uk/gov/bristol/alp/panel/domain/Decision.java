package uk.gov.bristol.alp.panel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.RequiredFields;

/**
 * The panel's decision on a referral. Never changed: a later decision supersedes it, naming it and why.
 * A decision after a deferral supersedes the deferral without a reason of its own (the panel said it would
 * decide later).
 */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    public enum Outcome {
        APPROVE_PLACEMENT,
        APPROVE_IN_REACH,
        REFER_TO_SEND,
        DECLINE,
        DEFER
    }

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String rationale;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "members_present")
    public List<String> membersPresent;

    @JdbcTypeCode(SqlTypes.JSON)
    public AgreedPlacement placement;

    @Column(name = "next_steps")
    public String nextSteps;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "supersede_reason")
    public String supersedeReason;

    @Column(name = "needs_finance_approval")
    public boolean needsFinanceApproval;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "finance_approval_reasons")
    public List<String> financeApprovalReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The decision that stands: the last of the referral's chain. */
    public static Optional<Decision> current(UUID referralId) {
        return find("referralId = ?1 order by decidedAt desc", referralId).<Decision>firstResultOptional();
    }

    public static List<Decision> chain(UUID referralId) {
        return list("referralId = ?1 order by decidedAt", referralId);
    }

    /** What each outcome must carry: a placement its terms, a decline what the school should do next. */
    public static void requireTerms(Outcome outcome, AgreedPlacement p, String nextSteps) {
        RequiredFields fields = new RequiredFields();
        if (outcome == Outcome.APPROVE_PLACEMENT) {
            if (p == null) {
                fields.add("placement", "required", "give the placement's terms");
            } else {
                fields.require(p.providerId(), "placement.providerId", "name the provider")
                        .require(p.hoursPerWeek(), "placement.hoursPerWeek", "give the hours a week")
                        .require(p.startDate(), "placement.startDate", "give the start date")
                        .require(p.fundingRoute(), "placement.fundingRoute", "give the funding route");
                if (p.plannedEndDate() == null && p.reviewDate() == null) {
                    fields.add("placement.plannedEndDate", "required", "give a planned end date or a review date");
                }
                if (p.startDate() != null
                        && p.plannedEndDate() != null
                        && p.plannedEndDate().isBefore(p.startDate())) {
                    fields.add("placement.plannedEndDate", "afterStart", "must be on or after startDate");
                }
                if (p.startDate() != null
                        && p.reviewDate() != null
                        && p.reviewDate().isBefore(p.startDate())) {
                    fields.add("placement.reviewDate", "afterStart", "must be on or after startDate");
                }
            }
        }
        if (outcome == Outcome.DECLINE) {
            fields.require(nextSteps, "nextSteps", "say what the school should do next");
        }
        fields.throwIfAny(
                PanelRules.DECISION_TERMS,
                "a " + outcome + " decision lacks what it needs: "
                        + fields.errors().stream().map(FieldError::field).toList());
    }
}
