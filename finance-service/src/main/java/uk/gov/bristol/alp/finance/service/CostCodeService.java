package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import uk.gov.bristol.alp.finance.domain.Budget;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.finance.domain.FinanceRules;
import uk.gov.bristol.alp.finance.domain.FundingStream;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.security.Caller;

/** The register of ALP cost codes. */
@ApplicationScoped
public class CostCodeService {
    private final FinanceEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public CostCodeService(Caller caller, AuditLog audit, Clock clock, FinanceEvents events) {
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CostCode register(
            String code, String description, String costCentre, String budgetLine, FundingStream stream) {
        if (CostCode.findById(code) != null) {
            throw new ProblemException(
                    FinanceRules.COST_CODE_EXISTS,
                    "cost code " + code + " is already registered",
                    List.of(new FieldError("code", "unique", "already registered")));
        }
        List<String> centres =
                CostCode.<CostCode>list("budgetLine = ?1 and costCentre <> ?2", budgetLine, costCentre).stream()
                        .map(c -> c.costCentre)
                        .distinct()
                        .toList();
        if (!centres.isEmpty()) {
            throw new ProblemException(
                    FinanceRules.BUDGET_LINE_COST_CENTRE_MISMATCH,
                    "budget line " + budgetLine + " is under cost centre " + centres.get(0) + ", not " + costCentre,
                    List.of(new FieldError("costCentre", "matchesBudgetLine", "must be " + centres.get(0))));
        }
        CostCode c = new CostCode();
        c.code = code;
        c.description = description;
        c.costCentre = costCentre;
        c.budgetLine = budgetLine;
        c.fundingStream = stream;
        c.status = CostCode.Status.ACTIVE;
        c.createdBy = caller.username();
        c.createdAt = OffsetDateTime.now(clock);
        c.persist();
        audit.record(
                AuditLog.Action.CREATE,
                "cost-code",
                code,
                "cost centre " + costCentre + ", budget line " + budgetLine + ", " + stream);
        events.costCodeChanged(c, c.status.name());
        return c;
    }

    @Transactional
    public List<CostCode> list(CostCode.Status status, FundingStream stream) {
        Criteria criteria = new Criteria().equal("status", status).equal("fundingStream", stream);
        return CostCode.list(criteria.orderedBy("code"), criteria.parameters());
    }

    @Transactional
    public CostCode read(String code) {
        return find(code);
    }

    @Transactional
    public CostCode retire(String code, String reason) {
        CostCode c = find(code);
        if (c.status == CostCode.Status.RETIRED) {
            throw new ProblemException(
                    FinanceRules.COST_CODE_RETIRED, "cost code " + code + " was retired on " + c.retiredAt);
        }
        c.status = CostCode.Status.RETIRED;
        c.retiredReason = reason;
        c.retiredAt = OffsetDateTime.now(clock);
        audit.record(AuditLog.Action.UPDATE, "cost-code", code, "retired: " + reason);
        events.costCodeChanged(c, c.status.name());
        return c;
    }

    /** Only a code nothing uses can go; one in use is retired instead (its history must stay readable). */
    @Transactional
    public void delete(String code) {
        CostCode c = find(code);
        long budgets = Budget.count("costCode", code);
        if (budgets > 0) {
            throw new ProblemException(
                    FinanceRules.COST_CODE_IN_USE, "cost code " + code + " has " + budgets + " budget(s)");
        }
        c.delete();
        audit.record(AuditLog.Action.UPDATE, "cost-code", code, "deleted (never used)");
        events.costCodeChanged(c, "DELETED");
    }

    CostCode find(String code) {
        CostCode c = CostCode.findById(code);
        if (c == null) {
            throw ProblemException.notFound("cost code", code);
        }
        return c;
    }
}
