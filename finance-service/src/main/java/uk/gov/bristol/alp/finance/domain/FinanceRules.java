package uk.gov.bristol.alp.finance.domain;

import uk.gov.bristol.alp.platform.problem.ProblemType;

/**
 * The finance service's broken-rule problem types, in one place, each with its own URI so a client can tell them
 * apart without reading text. {@code docs/domain-rules.md} says where each is enforced and which test proves it.
 */
public final class FinanceRules {

    public static final ProblemType COMMITMENT_NOT_PENDING_APPROVAL = ProblemType.rule(
            "commitment-not-pending-approval", "Only a commitment waiting for approval can be approved", 409);

    public static final ProblemType COST_CODE_EXISTS =
            ProblemType.rule("cost-code-exists", "The cost code is already registered", 409);

    public static final ProblemType BUDGET_LINE_COST_CENTRE_MISMATCH =
            ProblemType.rule("budget-line-cost-centre-mismatch", "A budget line belongs to one cost centre", 422);

    public static final ProblemType COST_CODE_IN_USE = ProblemType.rule(
            "cost-code-in-use", "A cost code that a budget uses cannot be deleted; retire it instead", 409);

    public static final ProblemType COST_CODE_RETIRED =
            ProblemType.rule("cost-code-retired", "The cost code is retired", 409);

    public static final ProblemType INVOICE_ALREADY_RECEIVED = ProblemType.rule(
            "invoice-already-received", "The provider's invoice with this number was already received", 409);

    private FinanceRules() {}
}
