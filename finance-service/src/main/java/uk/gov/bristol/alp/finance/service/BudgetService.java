package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Budget;
import uk.gov.bristol.alp.finance.domain.BudgetChange;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.finance.domain.FinanceRules;
import uk.gov.bristol.alp.finance.domain.FinancialYear;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/** Budgets per financial year per cost code; every change is kept with its reason. */
@ApplicationScoped
public class BudgetService {
    private final CostCodeService costCodes;
    private final BudgetControl control;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public BudgetService(CostCodeService costCodes, BudgetControl control, Caller caller, AuditLog audit, Clock clock) {
        this.costCodes = costCodes;
        this.control = control;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the year's budget for the code (creating it the first time); a retired code takes no new budget. */
    @Transactional
    public Budget set(FinancialYear year, String code, BigDecimal amount, String reason) {
        CostCode costCode = costCodes.find(code);
        Budget budget = Budget.<Budget>find("financialYear = ?1 and costCode = ?2", year.toString(), code)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (budget == null && costCode.status == CostCode.Status.RETIRED) {
            throw new ProblemException(
                    FinanceRules.COST_CODE_RETIRED, "cost code " + code + " is retired: it takes no new budget");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        BigDecimal previous = budget == null ? null : budget.amount;
        if (budget == null) {
            budget = new Budget();
            budget.id = UUID.randomUUID();
            budget.financialYear = year.toString();
            budget.costCode = code;
        }
        budget.amount = amount;
        budget.updatedBy = caller.username();
        budget.updatedAt = now;
        budget.persist();
        BudgetChange change = new BudgetChange();
        change.id = UUID.randomUUID();
        change.budgetId = budget.id;
        change.previousAmount = previous;
        change.newAmount = amount;
        change.reason = reason;
        change.changedBy = caller.username();
        change.changedAt = now;
        change.persist();
        audit.record(
                previous == null ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                "budget",
                budget.id,
                year + " " + code + ": " + (previous == null ? "set" : previous.toPlainString() + " ->") + " "
                        + amount.toPlainString() + " (" + reason + ")");
        control.check(year.toString(), code); // a lower budget may cross a threshold without any new commitment
        return budget;
    }

    @Transactional
    public List<Budget> forYear(FinancialYear year) {
        return Budget.list("financialYear = ?1 order by costCode", year.toString());
    }

    @Transactional
    public List<BudgetChange> history(FinancialYear year, String code) {
        Budget budget = Budget.find("financialYear = ?1 and costCode = ?2", year.toString(), code)
                .firstResult();
        if (budget == null) {
            throw ProblemException.notFound("budget", year + "/" + code);
        }
        return BudgetChange.of(budget.id);
    }
}
