package uk.gov.bristol.alp.panel.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent;
import uk.gov.bristol.alp.panel.service.ReferralService;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.identifiers.ValidUpn;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;

/** The panel service's JSON shapes. */
public final class ReferralApi {
    private ReferralApi() {
    }

    public record Pupil(@NotBlank @ValidUpn String upn, @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName, @NotNull @Past LocalDate dateOfBirth,
            @Min(-1) @Max(14) Integer yearGroup, @NotNull SenProvision senProvision, boolean lookedAfter,
            boolean freeSchoolMeals, Ethnicity ethnicity, Sex sex) {
        ReferralContent.PupilDetails toDetails() {
            return new ReferralContent.PupilDetails(upn, firstName.strip(), lastName.strip(), dateOfBirth, yearGroup,
                    senProvision, lookedAfter, freeSchoolMeals, ethnicity, sex);
        }
    }

    public record Intervention(@NotBlank @Size(max = 200) String kind, @NotNull LocalDate from, LocalDate to,
            @NotBlank @Size(max = 2000) String outcome, @NotBlank @Size(max = 200) String by) {
    }

    public record Safeguarding(@Size(max = 200) String designatedSafeguardingLead, boolean socialCareInvolved,
            @Size(max = 4000) String knownRisks) {
    }

    public record SubmitReferral(
            @NotBlank @ValidUrn String schoolUrn,
            @NotNull @Valid Pupil pupil,
            @NotBlank @Size(max = 4000) String reason,
            @NotNull ReferralContent.Requested requested,
            boolean fairAccess,
            @Size(max = 50) List<@Valid @NotNull Intervention> graduatedResponse,
            @Valid Safeguarding safeguarding) {

        ReferralService.NewReferral toCommand() {
            return new ReferralService.NewReferral(schoolUrn, pupil.toDetails(), reason.strip(), requested, fairAccess,
                    graduatedResponse == null ? List.of() : graduatedResponse.stream()
                            .map(i -> new ReferralContent.Intervention(i.kind(), i.from(), i.to(), i.outcome(), i.by()))
                            .toList(),
                    safeguarding == null ? null : new ReferralContent.Safeguarding(
                            safeguarding.designatedSafeguardingLead(), safeguarding.socialCareInvolved(),
                            safeguarding.knownRisks()));
        }
    }

    public record PlacementTerms(UUID providerId,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("32.5") BigDecimal hoursPerWeek,
            LocalDate startDate, LocalDate plannedEndDate, @Size(max = 100) String fundingRoute) {
    }

    public record RecordDecision(@NotNull Decision.Outcome outcome, @NotBlank @Size(max = 4000) String rationale,
            @NotEmpty List<@NotBlank String> membersPresent, @Valid PlacementTerms placement) {
        ReferralService.NewDecision toCommand() {
            return new ReferralService.NewDecision(outcome, rationale.strip(), membersPresent,
                    placement == null ? null : new ReferralContent.AgreedPlacement(placement.providerId(),
                            placement.hoursPerWeek(), placement.startDate(), placement.plannedEndDate(),
                            placement.fundingRoute()));
        }
    }

    public record ReferralView(UUID id, String schoolUrn, ReferralContent.PupilDetails pupil, String reason,
            ReferralContent.Requested requested, boolean fairAccess, List<ReferralContent.Intervention> graduatedResponse,
            ReferralContent.Safeguarding safeguarding, Referral.Status status, String submittedBy,
            OffsetDateTime submittedAt, long version) {
        static ReferralView of(Referral r) {
            return new ReferralView(r.id, r.schoolUrn, r.pupil, r.reason, r.requested, r.fairAccess, r.graduatedResponse,
                    r.safeguarding, r.status, r.submittedBy, r.submittedAt, r.version);
        }
    }

    public record DecisionView(UUID id, UUID referralId, Decision.Outcome outcome, String rationale,
            List<String> membersPresent, ReferralContent.AgreedPlacement placement, String decidedBy,
            OffsetDateTime decidedAt) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.id, d.referralId, d.outcome, d.rationale, d.membersPresent, d.placement,
                    d.decidedBy, d.decidedAt);
        }
    }
}
