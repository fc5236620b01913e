package uk.gov.bristol.alp.placement.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.EhcNeedsAssessment;
import uk.gov.bristol.alp.placement.domain.FamilyAgreement;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.domain.Timetable;
import uk.gov.bristol.alp.placement.domain.TransitionPlan;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.placement.service.PupilService;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.PlacementReason;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.identifiers.ValidUpn;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;

/** The placement service's JSON shapes. */
public final class PlacementApi {
    private PlacementApi() {}

    public record CreatePupil(
            @NotBlank @ValidUpn String upn,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @ValidUrn String schoolUrn,
            @NotNull SenProvision senProvision,
            Sex sex,
            Ethnicity ethnicity,
            boolean lookedAfter,
            @Size(max = 50) List<@Valid @NotNull FsmPeriodBody> fsmPeriods,

            @Pattern(regexp = "\\d{10}", message = "a ULN is 10 digits")
            String uln) {

        PupilService.NewPupil toCommand() {
            return new PupilService.NewPupil(
                    upn,
                    firstName.strip(),
                    lastName.strip(),
                    dateOfBirth,
                    schoolUrn,
                    senProvision,
                    sex,
                    ethnicity,
                    lookedAfter,
                    FsmPeriodBody.toDomain(fsmPeriods),
                    uln);
        }
    }

    /** Everything of a pupil's record that may change: the whole record, replaced (If-Match required). */
    public record UpdatePupil(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull SenProvision senProvision,
            Sex sex,
            Ethnicity ethnicity,
            boolean lookedAfter,
            @Size(max = 50) List<@Valid @NotNull FsmPeriodBody> fsmPeriods,

            @Pattern(regexp = "\\d{10}", message = "a ULN is 10 digits")
            String uln,

            LocalDate leftSchoolOn) {

        PupilService.PupilDetails toCommand() {
            return new PupilService.PupilDetails(
                    firstName.strip(),
                    lastName.strip(),
                    dateOfBirth,
                    senProvision,
                    sex,
                    ethnicity,
                    lookedAfter,
                    FsmPeriodBody.toDomain(fsmPeriods),
                    uln,
                    leftSchoolOn);
        }
    }

    public record FsmPeriodBody(@NotNull LocalDate start, LocalDate end) {
        @JsonIgnore
        @AssertTrue(message = "end must be on or after start")
        public boolean isEndAfterStart() {
            return start == null || end == null || !end.isBefore(start);
        }

        static List<Pupil.FsmPeriod> toDomain(List<FsmPeriodBody> periods) {
            return periods == null
                    ? List.of()
                    : periods.stream()
                            .map(p -> new Pupil.FsmPeriod(p.start, p.end))
                            .toList();
        }
    }

    public record PupilView(
            UUID id,
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String schoolUrn,
            SenProvision senProvision,
            Sex sex,
            Ethnicity ethnicity,
            boolean lookedAfter,
            List<Pupil.FsmPeriod> fsmPeriods,
            String uln,
            LocalDate leftSchoolOn,
            EhcNeedsAssessment ehcNeedsAssessment,
            long version) {
        static PupilView of(Pupil p) {
            return new PupilView(
                    p.id,
                    p.upn,
                    p.firstName,
                    p.lastName,
                    p.dateOfBirth,
                    p.schoolUrn,
                    p.senProvision,
                    p.sex,
                    p.ethnicity,
                    p.lookedAfter,
                    p.fsmPeriods,
                    p.uln,
                    p.leftSchoolOn,
                    p.ehcNeedsAssessment,
                    p.version);
        }
    }

    public record Session(
            @NotNull DayOfWeek day,
            @NotNull LocalTime start,
            @NotNull LocalTime end) {}

    public record CreatePlacement(
            @NotNull UUID pupilId,
            @NotNull UUID providerId,
            @NotNull PlacementReason reasonCode,
            @NotBlank @Size(max = 2000) String reason,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull Session> timetable,
            @NotNull LocalDate startDate,
            @NotNull LocalDate plannedEndDate,

            // Bounded so a mistyped rate is refused here, not by finance's arithmetic after the placement exists.
            @DecimalMin("0.01") @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2)
            BigDecimal hourlyRate,

            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "a finance cost code: 2-20 capitals, digits or '-'")
            String costCode,

            // Required when the SEND team commissions (it does so only in an emergency); ignored otherwise.
            @Size(max = 2000) String emergencyReason) {

        @JsonIgnore
        @AssertTrue(message = "plannedEndDate must be on or after startDate")
        public boolean isPlannedEndAfterStart() {
            return startDate == null || plannedEndDate == null || !plannedEndDate.isBefore(startDate);
        }

        PlacementService.NewPlacement toCommand() {
            Timetable t = new Timetable(timetable.stream()
                    .map(s -> new Timetable.Session(s.day(), s.start(), s.end()))
                    .toList());
            return new PlacementService.NewPlacement(
                    pupilId,
                    providerId,
                    reasonCode,
                    reason.strip(),
                    t,
                    startDate,
                    plannedEndDate,
                    hourlyRate,
                    costCode,
                    emergencyReason == null || emergencyReason.isBlank() ? null : emergencyReason.strip());
        }
    }

    public record WeekPlacement(
            UUID placementId,
            UUID providerId,
            Placement.Status status,
            List<Timetable.Session> timetable,
            BigDecimal hoursPerWeek) {}

    public record PupilWeekView(
            UUID pupilId,
            LocalDate on,
            List<WeekPlacement> placements,
            BigDecimal hoursAtProviders,
            BigDecimal schoolWeekHours,
            BigDecimal hoursExpectedInSchool) {
        static PupilWeekView of(PlacementService.PupilWeek w) {
            return new PupilWeekView(
                    w.pupilId(),
                    w.on(),
                    w.placements().stream()
                            .map(p -> new WeekPlacement(
                                    p.id, p.providerId, p.status, p.timetable.sessions(), p.hoursPerWeek))
                            .toList(),
                    w.hoursAtProviders(),
                    w.schoolWeekHours(),
                    w.hoursExpectedInSchool());
        }
    }

    public record PlacementView(
            UUID id,
            UUID pupilId,
            String schoolUrn,
            UUID providerId,
            Placement.Commissioner commissioner,
            Placement.Route route,
            Placement.Status status,
            PlacementReason reasonCode,
            String reason,
            List<Timetable.Session> timetable,
            BigDecimal hoursPerWeek,
            int sessionsPerWeek,
            BigDecimal hourlyRate,
            String costCode,
            String apUrn,
            String apUkprn,
            String apSettingType,
            LocalDate startDate,
            LocalDate plannedEndDate,
            LocalDate endDate,
            String endReason,
            Placement.Outcome outcome,
            TransitionPlan transitionPlan,
            boolean reviewNeeded,
            String reviewReason,
            boolean offFramework,
            String emergencyReason,
            FamilyAgreement familyAgreement,
            UUID decisionId,
            String createdBy,
            OffsetDateTime createdAt,
            long version) {
        static PlacementView of(Placement p) {
            return new PlacementView(
                    p.id,
                    p.pupilId,
                    p.schoolUrn,
                    p.providerId,
                    p.commissioner,
                    p.route,
                    p.status,
                    p.reasonCode,
                    p.reason,
                    p.timetable.sessions(),
                    p.hoursPerWeek,
                    p.timetable.halfDaySessions(),
                    p.hourlyRate,
                    p.costCode,
                    p.apUrn,
                    p.apUkprn,
                    p.apSettingType,
                    p.startDate,
                    p.plannedEndDate,
                    p.endDate,
                    p.endReason,
                    p.outcome,
                    p.transitionPlan,
                    p.reviewNeeded,
                    p.reviewReason,
                    p.offFramework,
                    p.emergencyReason,
                    p.familyAgreement,
                    p.decisionId,
                    p.createdBy,
                    p.createdAt,
                    p.version);
        }
    }
}
