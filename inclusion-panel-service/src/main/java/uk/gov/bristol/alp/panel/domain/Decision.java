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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/** The panel's decision on a referral. Immutable once made. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {
    public static final ProblemType ALREADY_DECIDED = ProblemType.rule("referral-already-decided",
            "This referral already has a decision; a later decision must supersede it", 409);
    public static final ProblemType PLACEMENT_TERMS = ProblemType.rule("decision-placement-terms",
            "An approve-placement decision must give the provider, hours, start and planned end", 422);

    public enum Outcome { APPROVE_PLACEMENT, APPROVE_IN_REACH, REFER_TO_SEND, DECLINE, DEFER }

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String rationale;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "members_present")
    public List<String> membersPresent;
    @JdbcTypeCode(SqlTypes.JSON)
    public AgreedPlacement placement;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public static void requirePlacementTerms(Outcome outcome, AgreedPlacement p) {
        if (outcome != Outcome.APPROVE_PLACEMENT) {
            return;
        }
        if (p == null || p.providerId() == null || p.hoursPerWeek() == null || p.startDate() == null
                || p.plannedEndDate() == null) {
            throw new ProblemException(PLACEMENT_TERMS, "give placement.providerId, hoursPerWeek, startDate and plannedEndDate",
                    List.of(new Problem.FieldError("placement", "required", "placement terms are incomplete")));
        }
        if (p.plannedEndDate().isBefore(p.startDate())) {
            throw new ProblemException(PLACEMENT_TERMS, "the planned end is before the start",
                    List.of(new Problem.FieldError("placement.plannedEndDate", "afterStart", "must be on or after startDate")));
        }
    }
}
