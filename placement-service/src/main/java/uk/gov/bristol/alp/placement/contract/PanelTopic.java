package uk.gov.bristol.alp.placement.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;

/** What this service reads of {@code alp.panel.v1}: the panel's decisions (asyncapi: panelDecisionMade). */
public final class PanelTopic {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PanelDecisionMade(
            UUID decisionId,
            UUID referralId,
            String outcome,
            String schoolUrn,
            String rationale,
            UUID supersedesDecisionId,
            OffsetDateTime decidedAt,
            PupilIdentity pupil,
            AgreedPlacement placement) {}

    /** The pupil, with the characteristics the authority monitors (absent from events before they carried them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PupilIdentity(
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            SenProvision senProvision,
            Boolean lookedAfter,
            Ethnicity ethnicity,
            Sex sex) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgreedPlacement(
            UUID providerId,
            BigDecimal hoursPerWeek,
            LocalDate startDate,
            LocalDate plannedEndDate,
            LocalDate reviewDate,
            String fundingRoute) {}

    private PanelTopic() {}
}
