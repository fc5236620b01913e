package uk.gov.bristol.alp.panel.contract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;

/**
 * What this service publishes on {@code alp.panel.v1}, keyed by referral id (platform's
 * {@code asyncapi/alp-events.yaml}: referralSubmitted, referralReturned, panelDecisionMade).
 */
public final class PanelTopic {

    public record ReferralSubmitted(
            UUID referralId,
            String schoolUrn,
            String requested,
            boolean fairAccess,
            LocalDate fairAccessSince,
            boolean resubmission,
            OffsetDateTime submittedAt) {}

    public record ReferralReturned(
            UUID referralId, String schoolUrn, String reason, String returnedBy, OffsetDateTime returnedAt) {}

    /** Only an approved placement carries {@code pupil} and {@code placement}. */
    public record PanelDecisionMade(
            UUID decisionId,
            UUID referralId,
            UUID meetingId,
            String outcome,
            String schoolUrn,
            String rationale,
            String nextSteps,
            UUID supersedesDecisionId,
            String supersedeReason,
            boolean needsFinanceApproval,
            List<String> financeApprovalReasons,
            OffsetDateTime decidedAt,
            String decidedBy,
            PupilIdentity pupil,
            AgreedPlacement placement) {}

    /** Who the placement is for, with the characteristics the authority monitors for disproportionality. */
    public record PupilIdentity(
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            SenProvision senProvision,
            boolean ehcPlan,
            Boolean lookedAfter,
            Boolean freeSchoolMeals,
            Ethnicity ethnicity,
            Sex sex) {}

    private PanelTopic() {}
}
