package uk.gov.bristol.alp.registry.domain;

import uk.gov.bristol.alp.platform.problem.ProblemType;

/** The registry's broken-rule problem types, each with its own URI so clients can tell them apart. */
public final class RegistryRules {
    public static final ProblemType APPROVAL_NEEDS_COMPLIANT_CHECKS = ProblemType.rule(
            "approval-needs-compliant-checks",
            "A provider can be approved only when every mandatory check has passed and is in date",
            422);
    public static final ProblemType FRAMEWORK_TRANSITION =
            ProblemType.rule("framework-transition", "This framework status change is not allowed", 409);
    public static final ProblemType DUPLICATE_IDENTIFIER = ProblemType.rule(
            "duplicate-provider-identifier", "A provider with this UKPRN or URN is already registered", 409);
    public static final ProblemType PROVIDER_IDENTITY = ProblemType.rule(
            "provider-identity", "A provider needs a UKPRN or URN, or an AP setting type when it has neither", 422);

    public static final ProblemType PROVIDER_DETAILS =
            ProblemType.rule("provider-details", "The provider's details are not consistent", 422);

    public static final ProblemType EVIDENCE_REVIEWED =
            ProblemType.rule("evidence-reviewed", "The evidence was already reviewed: send a new file instead", 409);

    public static final ProblemType QA_VISIT_STATUS = ProblemType.rule(
            "qa-visit-status",
            "Only a scheduled QA visit is recorded, and a provider has one scheduled at a time",
            409);

    public static final ProblemType QA_FINDINGS_INCOMPLETE = ProblemType.rule(
            "qa-findings-incomplete",
            "A QA visit reports on every area of the framework (safeguarding, teaching and learning, careers advice, "
                    + "attendance, health and safety), once each",
            422);

    public static final ProblemType CHANGE_REQUEST_STATUS = ProblemType.rule(
            "change-request-status",
            "A provider has one change request waiting at a time, and only a waiting one is decided or withdrawn",
            409);

    public static final ProblemType CHANGE_REQUEST_STALE = ProblemType.rule(
            "change-request-stale",
            "The provider's offer changed after the request was made: approving it would undo that change",
            409);

    private RegistryRules() {}
}
