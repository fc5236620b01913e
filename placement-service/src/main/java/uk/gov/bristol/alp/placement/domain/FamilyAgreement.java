package uk.gov.bristol.alp.placement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The parent's or carer's agreement to a part-time placement and the plan for the rest of the pupil's week (the
 * Bristol guidance: where the pupil does not attend school for the rest of the week, "the school needs to work with
 * the parent or carer to set out a clear plan"): when, with whom, the plan, who recorded it.
 */
public record FamilyAgreement(
        LocalDate agreedOn, String agreedWith, String restOfWeekPlan, String recordedBy, OffsetDateTime recordedAt) {}
