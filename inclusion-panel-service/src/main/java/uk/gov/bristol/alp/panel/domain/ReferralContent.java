package uk.gov.bristol.alp.panel.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;

/** The value objects a referral and a decision are made of (stored as JSON columns). */
public final class ReferralContent {
    private ReferralContent() {
    }

    public enum Requested { FULL_TIME_PLACEMENT, PART_TIME_PLACEMENT, IN_REACH_SUPPORT }

    public record PupilDetails(String upn, String firstName, String lastName, LocalDate dateOfBirth, Integer yearGroup,
            SenProvision senProvision, boolean lookedAfter, boolean freeSchoolMeals, Ethnicity ethnicity, Sex sex) {
    }

    /** One step of the school's graduated response: what was tried, when, with what result, by whom. */
    public record Intervention(String kind, LocalDate from, LocalDate to, String outcome, String by) {
    }

    public record Safeguarding(String designatedSafeguardingLead, boolean socialCareInvolved, String knownRisks) {
    }

    public record AgreedPlacement(UUID providerId, BigDecimal hoursPerWeek, LocalDate startDate,
            LocalDate plannedEndDate, String fundingRoute) {
    }

    public record Members(List<String> names) {
    }
}
