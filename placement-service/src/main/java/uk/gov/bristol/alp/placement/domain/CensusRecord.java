package uk.gov.bristol.alp.placement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.ApSettingType;
import uk.gov.bristol.alp.platform.identifiers.Ukprn;
import uk.gov.bristol.alp.platform.identifiers.Upn;
import uk.gov.bristol.alp.platform.identifiers.Urn;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;

/**
 * One AP placement record of a DfE census return (school census AP module or LA AP census), with the DfE's
 * validation rules of docs/domain-rules.md applied before it is exported. Plain Java.
 */
public record CensusRecord(
        UUID placementId,
        String upn,
        String surname,
        String forename,
        LocalDate dateOfBirth,
        String sex,
        String senProvision,
        LocalDate startDate,
        LocalDate endDate,
        String urn,
        String ukprn,
        String settingType,
        String association,
        String reason,
        String attendancePattern,
        Integer sessionsPerWeek,
        LocalDate pupilLeftSchoolOn,
        List<FieldError> errors) {

    /** The most half-day sessions a week holds (five mornings, five afternoons). */
    static final int MAX_SESSIONS = 10;

    /** The record of a placement as at the census date, validated. */
    public static CensusRecord of(Placement p, Pupil pupil, LocalDate censusDate, String attendancePattern) {
        LocalDate endDate = p.endDate != null && !p.endDate.isAfter(censusDate) ? p.endDate : null;
        Integer sessions = p.timetable.sessions().isEmpty() ? null : p.timetable.halfDaySessions();
        String association = p.commissioner == Placement.Commissioner.SCHOOL ? "SCHOOL_ARRANGED" : "LA_ARRANGED";
        CensusRecord unchecked = new CensusRecord(
                p.id,
                pupil.upn,
                pupil.lastName,
                pupil.firstName,
                pupil.dateOfBirth,
                pupil.sex == null ? null : pupil.sex.name(),
                pupil.senProvision.name(),
                p.startDate,
                endDate,
                p.apUrn,
                p.apUkprn,
                p.apSettingType,
                association,
                p.reasonCode == null ? null : p.reasonCode.name(),
                attendancePattern,
                sessions,
                pupil.leftSchoolOn,
                List.of());
        return unchecked.withErrors(unchecked.validate(censusDate));
    }

    /** Every DfE rule the record breaks, each naming its field. */
    List<FieldError> validate(LocalDate censusDate) {
        List<FieldError> errors = new ArrayList<>();
        if (!Upn.isValid(upn)) {
            errors.add(new FieldError("upn", "validUpn", "the UPN fails its check letter or format"));
        }
        if (sex == null) {
            errors.add(new FieldError("sex", "required", "record the pupil's sex (F, M or U)"));
        }
        int settings = (urn != null ? 1 : 0) + (ukprn != null ? 1 : 0) + (settingType != null ? 1 : 0);
        if (settings != 1) {
            errors.add(new FieldError(
                    "apSetting",
                    "exactlyOneOfUrnUkprnSettingType",
                    "give exactly one of URN, UKPRN or setting type (" + settings + " given)"));
        }
        if (urn != null && !Urn.isValid(urn)) {
            errors.add(new FieldError("urn", "validUrn", "a URN is 6 digits"));
        }
        if (ukprn != null && !Ukprn.isValid(ukprn)) {
            errors.add(new FieldError("ukprn", "validUkprn", "a UKPRN is 8 digits starting with 1"));
        }
        if (settingType != null
                && EnumSet.allOf(ApSettingType.class).stream()
                        .noneMatch(t -> t.name().equals(settingType))) {
            errors.add(new FieldError("settingType", "apSettingType", "one of NFE, OOT, OTH, WBP"));
        }
        if (startDate == null || startDate.isAfter(censusDate)) {
            errors.add(new FieldError(
                    "startDate", "onOrBeforeCensusDate", "the placement must have started by " + censusDate));
        }
        if (endDate != null && startDate != null && endDate.isBefore(startDate)) {
            errors.add(new FieldError("endDate", "onOrAfterStartDate", "the end date is before the start date"));
        }
        if (pupilLeftSchoolOn != null && (endDate == null || endDate.isAfter(pupilLeftSchoolOn))) {
            errors.add(new FieldError(
                    "endDate",
                    "offRollPupilEndDate",
                    "the pupil left the school on " + pupilLeftSchoolOn
                            + ": the placement's end date must be present and on or before it"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required", "give the placement's reason code"));
        }
        if (sessionsPerWeek == null || sessionsPerWeek < 1 || sessionsPerWeek > MAX_SESSIONS) {
            errors.add(new FieldError(
                    "sessionsPerWeek",
                    "oneToTen",
                    "sessions a week come from the timetable: set the placement's timetable"));
        }
        return errors;
    }

    CensusRecord withErrors(List<FieldError> found) {
        return new CensusRecord(
                placementId,
                upn,
                surname,
                forename,
                dateOfBirth,
                sex,
                senProvision,
                startDate,
                endDate,
                urn,
                ukprn,
                settingType,
                association,
                reason,
                attendancePattern,
                sessionsPerWeek,
                pupilLeftSchoolOn,
                List.copyOf(found));
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
