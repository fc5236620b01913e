package uk.gov.bristol.alp.placement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.codes.PlacementReason;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/**
 * The placement service's rules: every problem type it refuses with, and the checks that take complete facts.
 * Plain Java. {@code docs/domain-rules.md} says where each is enforced and which test proves it.
 */
public final class PlacementRules {
    public static final ProblemType PROVIDER_NOT_APPROVED = ProblemType.rule(
            "provider-not-approved",
            "The provider is not approved and compliant on the framework for the start date",
            422);
    public static final ProblemType UNREGISTERED_PROVIDER_HOURS = ProblemType.rule(
            "unregistered-provider-hours-limit",
            "An unregistered provider may not give a pupil full-time education (Education Act 1996 s463)",
            422);
    public static final ProblemType INVALID_TIMETABLE =
            ProblemType.rule("timetable", "The timetable is not possible", 422);

    public static final ProblemType TIMETABLE_CLASH = ProblemType.rule(
            "timetable-clash",
            "The timetable overlaps the pupil's timetable in another placement running on the same dates",
            409);

    public static final ProblemType EHC_PLAN_REASON = ProblemType.rule(
            "ehc-plan-reason-needs-sen-provision-e",
            "A placement in a setting named on an EHC plan is only for a pupil with SEN provision E",
            422);

    public static final ProblemType FULL_TIME_NEEDS_PANEL_DECISION = ProblemType.rule(
            "full-time-needs-panel-decision",
            "A full-time placement can only come from an Inclusion Panel decision",
            422);

    public static final ProblemType PLACEMENT_STATUS =
            ProblemType.rule("placement-status", "The placement is not in a status that allows this", 409);

    public static final ProblemType OFFER_NOT_ACCEPTED = ProblemType.rule(
            "offer-not-accepted",
            "The provider has not accepted the offer of this placement: the Hub confirms it only once accepted",
            409);

    public static final ProblemType OFFER_STATUS = ProblemType.rule(
            "offer-status",
            "Only an offer awaiting the provider's answer is accepted or declined, and only a proposal is offered",
            409);

    public static final ProblemType POPULATION_BASELINE_INVALID = ProblemType.rule(
            "population-baseline-invalid", "The census population file is not valid: nothing was imported", 422);

    public static final ProblemType TRANSITION_PLAN_REQUIRED =
            ProblemType.rule("transition-plan-required", "A placement cannot end without a transition plan", 422);

    public static final ProblemType DATE_OUTSIDE_PLACEMENT =
            ProblemType.rule("date-outside-placement", "The date is outside the placement", 422);

    public static final ProblemType REVIEW_INTERVAL = ProblemType.rule(
            "review-interval",
            "Reviews are at least half-termly: the next must be due within the review interval",
            422);

    public static final ProblemType SCHOOL_CHECKS_REQUIRED = ProblemType.rule(
            "school-checks-required",
            "The provider is not approved on the framework: the school's own checks of every mandatory kind must be "
                    + "recorded and in date on the start date",
            422);

    public static final ProblemType FAMILY_AGREEMENT = ProblemType.rule(
            "family-agreement",
            "The family's agreement is given by a parent or carer with parental responsibility on the pupil's record",
            422);

    public static final ProblemType SEND_EMERGENCY_ONLY = ProblemType.rule(
            "send-emergency-only",
            "The SEND team commissions a placement only in an emergency, and says what it is",
            422);

    public static final ProblemType TRANSFER_STATUS = ProblemType.rule(
            "transfer-status",
            "A pupil has one open transfer at a time, and only an open one is agreed or declined",
            409);

    public static final ProblemType SAFEGUARDING_CONCERN_STATUS = ProblemType.rule(
            "safeguarding-concern-status",
            "The safeguarding concern is not in a status that allows this "
                    + "(acknowledge a raised one; close an open one)",
            409);

    public static final ProblemType PLACEMENT_NOT_RUNNING =
            ProblemType.rule("placement-not-running", "The placement has not started or was cancelled", 409);

    public static final ProblemType ATTENDANCE_BATCH_INVALID =
            ProblemType.rule("attendance-batch-invalid", "Some marks in the batch cannot be recorded; none were", 422);

    public static final ProblemType RATE_SET_BY_FINANCE = ProblemType.rule(
            "rate-set-by-finance",
            "A school does not set a placement's rate: finance's agreed rate, else the provider's registry rate, applies",
            422);

    public static final ProblemType UNKNOWN_COST_CODE =
            ProblemType.rule("unknown-cost-code", "The cost code is not one of finance's active cost codes", 422);

    public static final ProblemType ATTENDANCE_BATCH_REUSED = ProblemType.rule(
            "attendance-batch-reused",
            "This batch id was received with other marks; send corrections under a new batch id",
            409);

    public static final ProblemType CENSUS_RETURN_INVALID = ProblemType.rule(
            "census-return-invalid",
            "Records in the census return break the DfE's rules: fix them before exporting",
            422);

    public static final ProblemType HUB_ARRANGED_PLACEMENT = ProblemType.rule(
            "hub-arranged-placement",
            "A placement the ALP Hub or the Inclusion Panel arranged changes only through the Hub",
            403);

    private PlacementRules() {}

    /**
     * A placement the Hub commissioned, or one from a panel decision, is revised, ended or cancelled by the Hub; the
     * school asks the Hub. A school's own part-time placement the school may change itself.
     */
    public static void requireHubForHubArranged(Placement placement, boolean callerIsHub, String action) {
        boolean hubArranged = placement.commissioner != Placement.Commissioner.SCHOOL
                || placement.route == Placement.Route.PANEL_DECISION;
        if (hubArranged && !callerIsHub) {
            throw new ProblemException(
                    HUB_ARRANGED_PLACEMENT,
                    "this placement was arranged by the "
                            + (placement.route == Placement.Route.PANEL_DECISION
                                    ? "Inclusion Panel"
                                    : placement.commissioner == Placement.Commissioner.SEND ? "SEND team" : "ALP Hub")
                            + ": ask the ALP Hub to " + action + " it");
        }
    }

    public static void requireValidTimetable(Timetable timetable) {
        List<Problem.FieldError> errors = timetable.errors();
        if (!errors.isEmpty()) {
            throw new ProblemException(INVALID_TIMETABLE, errors.get(0).message(), errors);
        }
    }

    /** "Setting named on EHC plan" needs a pupil whose SEN provision is E ({@code docs/domain-rules.md}). */
    public static void requireEhcPlanForEhcReason(PlacementReason reason, Pupil pupil) {
        if (reason == PlacementReason.EHC_PLAN_NAMED_SETTING && !pupil.hasEhcPlan()) {
            throw new ProblemException(
                    EHC_PLAN_REASON,
                    "the pupil's SEN provision is " + pupil.senProvision + ", not E (EHC plan)",
                    List.of(new Problem.FieldError(
                            "reasonCode", "ehcPlanNeedsSenProvisionE", "the pupil has no EHC plan on record")));
        }
    }

    /** A pupil cannot be in two placements at once: no session may overlap one of another running placement. */
    public static void requireNoClash(Timetable timetable, List<Placement> otherRunning) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Placement other : otherRunning) {
            for (String clash : timetable.clashesWith(other.timetable)) {
                errors.add(new Problem.FieldError(
                        "timetable",
                        "noClashWithOtherPlacements",
                        clash + " in placement " + other.id + " (" + other.startDate + " to " + other.plannedEndDate
                                + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(TIMETABLE_CLASH, errors.get(0).message(), errors);
        }
    }

    /** Approved on the framework, and every mandatory check in date on the start date. */
    /**
     * A placement names a cost code only if finance has published it and it is active, so finance can always commit
     * the placement's cost under it (a code registered moments ago arrives within seconds).
     */
    public static void requireActiveCostCode(String costCode, CostCodeView known) {
        if (costCode == null) {
            return;
        }
        if (known == null || !known.active()) {
            throw new ProblemException(
                    UNKNOWN_COST_CODE,
                    known == null
                            ? "finance has no cost code " + costCode
                            : "cost code " + costCode + " is " + known.status,
                    List.of(new Problem.FieldError(
                            "costCode", "activeFinanceCode", "must be an active finance cost code")));
        }
    }

    /**
     * A school names no rate: finance prices the placement (its agreed rate, else the registry's offered one), so a
     * school can neither undercut nor inflate what the authority agreed. The Hub and the SEND team may give one where
     * neither exists yet.
     */
    public static void requireNoRateFromSchool(BigDecimal hourlyRate, boolean schoolStaffOnly) {
        if (hourlyRate != null && schoolStaffOnly) {
            throw new ProblemException(
                    RATE_SET_BY_FINANCE,
                    "leave hourlyRate out: finance prices the placement",
                    List.of(new Problem.FieldError("hourlyRate", "setByFinance", "a school does not set the rate")));
        }
    }

    /**
     * A part-time placement a school commissions itself may be with a provider the framework has not approved (not
     * yet, or its evidence lapsed) when the school's own check of every mandatory kind is in date on the start date;
     * it is then off the framework. One the framework suspended or removed is refused, as is every provider for the
     * Hub and the SEND team. Answers whether the placement is off the framework.
     */
    public static boolean requireApprovedOrSchoolChecked(
            ProviderView provider, LocalDate startDate, boolean schoolCommissions, Collection<SchoolCheck> checks) {
        boolean refusedByFramework = provider == null
                || "SUSPENDED".equals(provider.frameworkStatus)
                || "REMOVED".equals(provider.frameworkStatus);
        if (!schoolCommissions || refusedByFramework || notApprovedBecause(provider, startDate) == null) {
            requireApprovedProvider(provider, startDate);
            return false;
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        for (CheckKind kind : CheckKind.values()) {
            if (!kind.mandatory) {
                continue;
            }
            SchoolCheck check =
                    checks.stream().filter(c -> c.kind == kind).findFirst().orElse(null);
            if (check == null) {
                missing.add(new Problem.FieldError("schoolChecks." + kind, "recorded", "no check recorded"));
            } else if (check.expiresOn.isBefore(startDate)) {
                missing.add(new Problem.FieldError(
                        "schoolChecks." + kind, "inDate", "expires on " + check.expiresOn + ", before the start date"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    SCHOOL_CHECKS_REQUIRED,
                    "the provider's framework status is " + provider.frameworkStatus
                            + (provider.approved() ? " with lapsed evidence" : "")
                            + ": record the school's own checks first",
                    missing);
        }
        return true;
    }

    /** The SEND team commissions only in an emergency (Improvement Plan recommendations 3 and 11), saying which. */
    public static void requireEmergencyReasonForSend(boolean sendCommissions, String emergencyReason) {
        if (sendCommissions && emergencyReason == null) {
            throw new ProblemException(
                    SEND_EMERGENCY_ONLY,
                    "say what the emergency is: the Hub arranges every other placement",
                    List.of(new Problem.FieldError("emergencyReason", "requiredForSend", "required")));
        }
    }

    /** Why a known provider is not approved and compliant on the start date; null when it is. */
    private static String notApprovedBecause(ProviderView provider, LocalDate startDate) {
        if (!provider.approved()) {
            return "the provider's framework status is " + provider.frameworkStatus;
        } else if (!provider.compliant) {
            return "the provider's compliance has lapsed";
        } else if (provider.compliantUntil != null && startDate.isAfter(provider.compliantUntil)) {
            return "the provider's checks expire on " + provider.compliantUntil + ", before the start date";
        }
        return null;
    }

    public static void requireApprovedProvider(ProviderView provider, LocalDate startDate) {
        if (provider == null) {
            throw new ProblemException(
                    PROVIDER_NOT_APPROVED,
                    "the provider is not on the framework",
                    List.of(new Problem.FieldError("providerId", "onFramework", "unknown provider")));
        }
        String why = notApprovedBecause(provider, startDate);
        if (why != null) {
            throw new ProblemException(
                    PROVIDER_NOT_APPROVED,
                    why,
                    List.of(new Problem.FieldError("providerId", "approvedAndCompliant", why)));
        }
    }

    /** Full time only from an Inclusion Panel decision: outside the panel, a placement stays under the threshold. */
    public static void requirePanelDecisionForFullTime(BigDecimal hoursPerWeek, BigDecimal threshold) {
        if (hoursPerWeek.compareTo(threshold) >= 0) {
            throw new ProblemException(
                    FULL_TIME_NEEDS_PANEL_DECISION,
                    hoursPerWeek + " hours a week is full time (threshold " + threshold
                            + "); refer the pupil to the Inclusion Panel",
                    List.of(new Problem.FieldError(
                            "timetable", "fullTimeNeedsPanelDecision", "hours a week must be under " + threshold)));
        }
    }

    /** At an unregistered provider, a pupil's hours there (all running placements together) stay under the threshold. */
    public static void requireUnderThresholdAtUnregistered(
            ProviderView provider, BigDecimal hoursPerWeek, BigDecimal threshold) {
        if (provider.unregistered() && hoursPerWeek.compareTo(threshold) >= 0) {
            throw new ProblemException(
                    UNREGISTERED_PROVIDER_HOURS,
                    hoursPerWeek + " hours a week at an unregistered provider (with the pupil's other placements "
                            + "there); it must stay under " + threshold,
                    List.of(new Problem.FieldError(
                            "timetable", "unregisteredHoursLimit", "hours a week must be under " + threshold)));
        }
    }
}
