package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import uk.gov.bristol.alp.finance.domain.Budget;
import uk.gov.bristol.alp.platform.announce.AnnounceOnce;

/**
 * Holds what is committed against a cost code's budget for a year: each of 80, 90 and 100 per cent is
 * announced once (BudgetThresholdReached), however many commitments take it there.
 */
@ApplicationScoped
public class BudgetControl {
    static final List<Integer> LEVELS = List.of(80, 90, 100);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CommitmentYears years;
    private final FinanceEvents events;
    private final AnnounceOnce announcements;
    private final Clock clock;

    public BudgetControl(CommitmentYears years, FinanceEvents events, AnnounceOnce announcements, Clock clock) {
        this.years = years;
        this.events = events;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Checks the thresholds; true when the committed total is past the budget (or there is no budget). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean check(String financialYear, String costCode) {
        // Locked: commitments against one budget are counted one at a time, so no threshold is missed between them.
        Budget budget = Budget.<Budget>find("financialYear = ?1 and costCode = ?2", financialYear, costCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        BigDecimal committed = years.committed(financialYear, costCode);
        if (budget == null) {
            return committed.signum() > 0;
        }
        for (int level : LEVELS) {
            BigDecimal mark =
                    budget.amount.multiply(BigDecimal.valueOf(level)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            if (committed.compareTo(mark) >= 0
                    && budget.amount.signum() > 0
                    && announcements.firstTime("budget-threshold", budget.id, level, "committed " + committed)) {
                events.budgetThresholdReached(budget, level, committed, OffsetDateTime.now(clock));
            }
        }
        return committed.compareTo(budget.amount) > 0;
    }
}
