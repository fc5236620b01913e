package uk.gov.bristol.alp.panel.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.AgendaItem;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.FairAccessClock;
import uk.gov.bristol.alp.panel.domain.PanelMeeting;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent;
import uk.gov.bristol.alp.panel.service.DecisionService;
import uk.gov.bristol.alp.panel.service.ReferralService;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.identifiers.ValidUpn;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;

/**
 * The panel service's JSON shapes. A referral's parts are checked for form when saved (a draft may leave
 * them out) and for completeness when submitted.
 */
public final class ReferralApi {
    private ReferralApi() {}

    public record Pupil(
            @ValidUpn String upn,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Past LocalDate dateOfBirth,
            @Min(-1) @Max(14) Integer yearGroup,
            SenProvision senProvision,
            Boolean ehcPlan,
            @PastOrPresent LocalDate ehcNeedsAssessmentRequestedOn,
            Boolean lookedAfter,
            Boolean freeSchoolMeals,
            Ethnicity ethnicity,
            Sex sex) {
        ReferralContent.PupilDetails toDetails() {
            return new ReferralContent.PupilDetails(
                    upn,
                    strip(firstName),
                    strip(lastName),
                    dateOfBirth,
                    yearGroup,
                    senProvision,
                    ehcPlan,
                    ehcNeedsAssessmentRequestedOn,
                    lookedAfter,
                    freeSchoolMeals,
                    ethnicity,
                    sex);
        }
    }

    public record Intervention(
            @Size(max = 200) String kind,
            LocalDate from,
            LocalDate to,
            @Size(max = 2000) String outcome,
            @Size(max = 200) String by) {}

    public record Safeguarding(
            @Size(max = 200) String designatedSafeguardingLead,
            Boolean socialCareInvolved,
            @Size(max = 4000) String socialCareDetails,
            @Size(max = 4000) String knownRisks) {}

    public record Attachment(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String reference) {}

    /** A referral's content, for a new referral (draft or submitted at once) or to replace a draft's. */
    public record SaveReferral(
            @NotBlank @ValidUrn String schoolUrn,
            @Valid Pupil pupil,
            @Size(max = 4000) String reason,
            ReferralContent.Requested requested,
            boolean fairAccess,
            @PastOrPresent LocalDate fairAccessSince,
            @Size(max = 50) List<@Valid @NotNull Intervention> graduatedResponse,
            @Valid Safeguarding safeguarding,
            @Size(max = 4000) String parentView,
            @Size(max = 4000) String pupilVoice,
            @Size(max = 20) List<@Valid @NotNull Attachment> attachments) {

        ReferralService.ReferralDraft toDraft() {
            return new ReferralService.ReferralDraft(
                    schoolUrn,
                    pupil == null ? null : pupil.toDetails(),
                    strip(reason),
                    requested,
                    fairAccess,
                    fairAccessSince,
                    graduatedResponse == null
                            ? null
                            : graduatedResponse.stream()
                                    .map(i -> new ReferralContent.Intervention(
                                            strip(i.kind()), i.from(), i.to(), strip(i.outcome()), strip(i.by())))
                                    .toList(),
                    safeguarding == null
                            ? null
                            : new ReferralContent.Safeguarding(
                                    strip(safeguarding.designatedSafeguardingLead()), safeguarding.socialCareInvolved(),
                                    strip(safeguarding.socialCareDetails()), strip(safeguarding.knownRisks())),
                    strip(parentView),
                    strip(pupilVoice),
                    attachments == null
                            ? null
                            : attachments.stream()
                                    .map(a -> new ReferralContent.Attachment(
                                            a.name().strip(), a.reference().strip()))
                                    .toList());
        }
    }

    public record ReturnReferral(@NotBlank @Size(max = 4000) String reason) {}

    public record PlacementTerms(
            UUID providerId,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("32.5")
            BigDecimal hoursPerWeek,

            LocalDate startDate,
            LocalDate plannedEndDate,
            LocalDate reviewDate,
            @Size(max = 100) String fundingRoute,

            @DecimalMin("0") @Digits(integer = 7, fraction = 2)
            BigDecimal estimatedWeeklyCost) {
        ReferralContent.AgreedPlacement toTerms() {
            return new ReferralContent.AgreedPlacement(
                    providerId,
                    hoursPerWeek,
                    startDate,
                    plannedEndDate,
                    reviewDate,
                    strip(fundingRoute),
                    estimatedWeeklyCost);
        }
    }

    public record RecordDecision(
            @NotNull UUID meetingId,
            @NotNull Decision.Outcome outcome,
            @NotBlank @Size(max = 4000) String rationale,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 200) String> membersPresent,
            @Valid PlacementTerms placement,
            @Size(max = 4000) String nextSteps,
            UUID supersedes,
            @Size(max = 4000) String supersedeReason) {
        DecisionService.NewDecision toCommand() {
            return new DecisionService.NewDecision(
                    meetingId,
                    outcome,
                    rationale.strip(),
                    membersPresent.stream().map(String::strip).toList(),
                    placement == null ? null : placement.toTerms(),
                    strip(nextSteps),
                    supersedes,
                    supersedeReason);
        }
    }

    public record ScheduleMeeting(
            @NotNull LocalDate date,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 200) String> members,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> memberAccounts,
            @Min(1) int quorum) {
        /** Login names of the members who sit: each reads the referrals on this meeting's agenda, and no others. */
        public List<String> memberAccountsOrNone() {
            return memberAccounts == null ? List.of() : memberAccounts;
        }
    }

    public record ReferralView(
            UUID id,
            String schoolUrn,
            ReferralContent.PupilDetails pupil,
            String reason,
            ReferralContent.Requested requested,
            boolean fairAccess,
            FairAccessClock fairAccessClock,
            List<ReferralContent.Intervention> graduatedResponse,
            ReferralContent.Safeguarding safeguarding,
            String parentView,
            String pupilVoice,
            List<ReferralContent.Attachment> attachments,
            List<ReferralContent.ReturnNote> returns,
            Referral.Status status,
            String createdBy,
            OffsetDateTime createdAt,
            String submittedBy,
            OffsetDateTime submittedAt,
            OffsetDateTime firstSubmittedAt,
            long version) {
        static ReferralView of(Referral r, FairAccessClock clock) {
            return new ReferralView(
                    r.id,
                    r.schoolUrn,
                    r.pupil,
                    r.reason,
                    r.requested,
                    r.fairAccess,
                    clock,
                    r.graduatedResponse,
                    r.safeguarding,
                    r.parentView,
                    r.pupilVoice,
                    r.attachments,
                    r.returns,
                    r.status,
                    r.createdBy,
                    r.createdAt,
                    r.submittedBy,
                    r.submittedAt,
                    r.firstSubmittedAt,
                    r.version);
        }
    }

    /** A referral in a list: who, from which school, what is asked, where it stands. No safeguarding detail. */
    public record ReferralSummary(
            UUID id,
            String schoolUrn,
            String upn,
            String firstName,
            String lastName,
            ReferralContent.Requested requested,
            Referral.Status status,
            boolean fairAccess,
            FairAccessClock fairAccessClock,
            OffsetDateTime submittedAt) {
        static ReferralSummary of(Referral r, FairAccessClock clock) {
            ReferralContent.PupilDetails p = r.pupil == null ? ReferralContent.PupilDetails.NONE : r.pupil;
            return new ReferralSummary(
                    r.id,
                    r.schoolUrn,
                    p.upn(),
                    p.firstName(),
                    p.lastName(),
                    r.requested,
                    r.status,
                    r.fairAccess,
                    clock,
                    r.submittedAt);
        }
    }

    public record DecisionView(
            UUID id,
            UUID referralId,
            UUID meetingId,
            Decision.Outcome outcome,
            String rationale,
            List<String> membersPresent,
            ReferralContent.AgreedPlacement placement,
            String nextSteps,
            UUID supersedes,
            String supersedeReason,
            boolean needsFinanceApproval,
            List<String> financeApprovalReasons,
            String decidedBy,
            OffsetDateTime decidedAt) {
        static DecisionView of(Decision d) {
            return new DecisionView(
                    d.id,
                    d.referralId,
                    d.meetingId,
                    d.outcome,
                    d.rationale,
                    d.membersPresent,
                    d.placement,
                    d.nextSteps,
                    d.supersedesId,
                    d.supersedeReason,
                    d.needsFinanceApproval,
                    d.financeApprovalReasons,
                    d.decidedBy,
                    d.decidedAt);
        }
    }

    public record AgendaEntry(
            int position,
            UUID referralId,
            String schoolUrn,
            ReferralContent.Requested requested,
            boolean fairAccess,
            Referral.Status status) {
        static AgendaEntry of(AgendaItem item, Referral r) {
            return new AgendaEntry(item.position, r.id, r.schoolUrn, r.requested, r.fairAccess, r.status);
        }
    }

    public record MeetingView(
            UUID id,
            LocalDate date,
            List<String> members,
            List<String> memberAccounts,
            int quorum,
            List<AgendaEntry> agenda,
            String createdBy,
            OffsetDateTime createdAt) {
        static MeetingView of(PanelMeeting m, List<AgendaEntry> agenda) {
            return new MeetingView(
                    m.id, m.meetingDate, m.members, m.memberAccounts, m.quorum, agenda, m.createdBy, m.createdAt);
        }
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
