package uk.gov.bristol.alp.panel.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;

/**
 * The value objects a referral and a decision are made of (stored as JSON columns). A draft may leave any of
 * them incomplete; {@link Referral#missingForSubmission()} says what a submission still needs.
 */
public final class ReferralContent {
    private ReferralContent() {}

    public enum Requested {
        FULL_TIME_PLACEMENT,
        PART_TIME_PLACEMENT,
        IN_REACH_SUPPORT
    }

    public record PupilDetails(
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            Integer yearGroup,
            SenProvision senProvision,
            Boolean ehcPlan,
            LocalDate ehcNeedsAssessmentRequestedOn,
            Boolean lookedAfter,
            Boolean freeSchoolMeals,
            Ethnicity ethnicity,
            Sex sex) {
        public static final PupilDetails NONE =
                new PupilDetails(null, null, null, null, null, null, null, null, null, null, null, null);

        /** An EHC needs assessment has been requested and there is no plan yet: funding may come before the plan. */
        public boolean assessmentUnderWay() {
            return ehcNeedsAssessmentRequestedOn != null && !hasEhcPlan();
        }

        /** An EHC plan is SEN provision E (docs/domain-rules.md), whichever of the two the school filled in. */
        public boolean hasEhcPlan() {
            return Boolean.TRUE.equals(ehcPlan) || senProvision == SenProvision.E;
        }
    }

    /** One step of the school's graduated response: what was tried, when, with what result, by whom. */
    public record Intervention(String kind, LocalDate from, LocalDate to, String outcome, String by) {}

    public record Safeguarding(
            String designatedSafeguardingLead,
            Boolean socialCareInvolved,
            String socialCareDetails,
            String knownRisks) {}

    /** A document held elsewhere (the school's or the council's document store), by reference only. */
    public record Attachment(String name, String reference) {}

    /** The panel (or Hub) sent the referral back: why, who, when. */
    public record ReturnNote(String reason, String returnedBy, OffsetDateTime returnedAt) {}

    /**
     * The terms of an approved placement. A planned end or a review date (or both); the estimated weekly cost,
     * when given, is held against the high-cost threshold.
     */
    public record AgreedPlacement(
            UUID providerId,
            BigDecimal hoursPerWeek,
            LocalDate startDate,
            LocalDate plannedEndDate,
            LocalDate reviewDate,
            String fundingRoute,
            BigDecimal estimatedWeeklyCost) {}
}
