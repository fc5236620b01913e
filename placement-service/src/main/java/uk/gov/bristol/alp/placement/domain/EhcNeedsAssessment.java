package uk.gov.bristol.alp.placement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An EHC needs assessment for the pupil: when it was requested, where it stands, and the statutory dates that follow
 * from the request (SEND Code of Practice 0-25, 2015: the local authority decides whether to assess within 6 weeks
 * and issues a plan within 20 weeks). A pupil with an assessment in progress may be funded before the plan exists.
 */
public record EhcNeedsAssessment(
        LocalDate requestedOn,
        Status status,
        LocalDate decisionToAssessDueBy,
        LocalDate planDueBy,
        String updatedBy,
        OffsetDateTime updatedAt) {
    public static final int DECISION_WEEKS = 6;
    public static final int PLAN_WEEKS = 20;

    public enum Status {
        /** Requested; the local authority has not yet decided whether to assess. */
        REQUESTED,
        /** The local authority is assessing. */
        ASSESSING,
        /** A plan was issued (the pupil's SEN provision becomes E). */
        PLAN_ISSUED,
        /** The local authority decided not to assess. */
        NOT_TO_ASSESS,
        /** Assessed, and no plan was issued. */
        NO_PLAN
    }

    public static EhcNeedsAssessment of(LocalDate requestedOn, Status status, String by, OffsetDateTime at) {
        return new EhcNeedsAssessment(
                requestedOn, status, requestedOn.plusWeeks(DECISION_WEEKS), requestedOn.plusWeeks(PLAN_WEEKS), by, at);
    }

    public boolean inProgress() {
        return status == Status.REQUESTED || status == Status.ASSESSING;
    }
}
