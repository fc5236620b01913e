package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.finance.domain.FinancialYear;

/**
 * The budget position for a financial year: per cost code its budget, what is committed (approved or not
 * needing approval), what waits for approval, what providers have invoiced (by the year a line's period
 * starts in), the forecast outturn (committed and pending) and what remains; rolled up by cost
 * centre, budget line and funding stream. Commitments without a cost code are shown on a line of their own,
 * so no money is out of sight. Reads the running totals kept with every change to a commitment (table budget_total,
 * kept by the triggers of finance migration V9): one row per cost code, however many commitments.
 */
@ApplicationScoped
public class BudgetPositionReport {
    private static final String QUERY = """
            with shares as (
                select nullif(t.cost_code, '') as cost_code, t.committed, t.pending, t.rate_pending
                from budget_total t
                where t.financial_year = ?1
                  and t.shares > 0),
            invoiced as (
                select c.cost_code, sum(l.amount) as invoiced
                from invoice_line l join commitment c on c.placement_id = l.placement_id
                where l.financial_year = ?1
                group by c.cost_code),
            spend as (
                select coalesce(s.cost_code, i.cost_code) as cost_code, coalesce(s.committed, 0) as committed,
                       coalesce(s.pending, 0) as pending, coalesce(s.rate_pending, 0) as rate_pending,
                       coalesce(i.invoiced, 0) as invoiced
                from shares s full join invoiced i on coalesce(i.cost_code, '') = coalesce(s.cost_code, ''))
            select cc.code, cc.cost_centre, cc.budget_line, cc.funding_stream, coalesce(b.amount, 0),
                   coalesce(sp.committed, 0), coalesce(sp.pending, 0), coalesce(sp.invoiced, 0),
                   coalesce(sp.rate_pending, 0)
            from cost_code cc
            left join budget b on b.cost_code = cc.code and b.financial_year = ?1
            left join spend sp on sp.cost_code = cc.code
            where b.id is not null or sp.cost_code is not null
            union all
            select null, null, null, null, 0, sp.committed, sp.pending, sp.invoiced, sp.rate_pending from spend sp
            where sp.cost_code is null
            order by 1 nulls last""";

    private final EntityManager em;

    public BudgetPositionReport(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Position of(FinancialYear year) {
        List<Object[]> rows = em.createNativeQuery(QUERY, Object[].class)
                .setParameter(1, year.toString())
                .getResultList();
        List<Line> lines = rows.stream()
                .map(r -> Line.of(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (BigDecimal) r[4],
                        (BigDecimal) r[5],
                        (BigDecimal) r[6],
                        (BigDecimal) r[7],
                        ((Number) r[8]).longValue()))
                .toList();
        List<Line> coded = lines.stream().filter(l -> l.costCode() != null).toList();
        return new Position(
                year.toString(),
                lines,
                rollUp(coded, Line::costCentre),
                rollUp(coded, Line::budgetLine),
                rollUp(coded, Line::fundingStream),
                total(lines));
    }

    private static Map<String, Totals> rollUp(List<Line> lines, Function<Line, String> by) {
        return lines.stream()
                .collect(Collectors.groupingBy(
                        by, TreeMap::new, Collectors.reducing(Totals.ZERO, Totals::of, Totals::plus)));
    }

    private static Totals total(List<Line> lines) {
        return lines.stream().map(Totals::of).reduce(Totals.ZERO, Totals::plus);
    }

    /** One cost code's position (costCode null: commitments not yet given a cost code). */
    public record Line(
            String costCode,
            String costCentre,
            String budgetLine,
            String fundingStream,
            BigDecimal budget,
            BigDecimal committed,
            BigDecimal pendingApproval,
            BigDecimal invoiced,
            BigDecimal forecastOutturn,
            BigDecimal remaining,
            long commitmentsAwaitingARate) {
        static Line of(
                String code,
                String centre,
                String line,
                String stream,
                BigDecimal budget,
                BigDecimal committed,
                BigDecimal pending,
                BigDecimal invoiced,
                long ratePending) {
            BigDecimal outturn = pence(committed).add(pence(pending));
            return new Line(
                    code,
                    centre,
                    line,
                    stream,
                    pence(budget),
                    pence(committed),
                    pence(pending),
                    pence(invoiced),
                    outturn,
                    pence(budget).subtract(outturn),
                    ratePending);
        }
    }

    /** Sums of stored pence are exact; the scale is set so that zero reads "0.00" like any other amount. */
    private static BigDecimal pence(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public record Totals(
            BigDecimal budget,
            BigDecimal committed,
            BigDecimal pendingApproval,
            BigDecimal invoiced,
            BigDecimal forecastOutturn,
            BigDecimal remaining) {
        private static final BigDecimal NONE = pence(BigDecimal.ZERO);
        static final Totals ZERO = new Totals(NONE, NONE, NONE, NONE, NONE, NONE);

        static Totals of(Line l) {
            return new Totals(
                    l.budget(), l.committed(), l.pendingApproval(), l.invoiced(), l.forecastOutturn(), l.remaining());
        }

        Totals plus(Totals o) {
            return new Totals(
                    budget.add(o.budget),
                    committed.add(o.committed),
                    pendingApproval.add(o.pendingApproval),
                    invoiced.add(o.invoiced),
                    forecastOutturn.add(o.forecastOutturn),
                    remaining.add(o.remaining));
        }
    }

    public record Position(
            String financialYear,
            List<Line> byCostCode,
            Map<String, Totals> byCostCentre,
            Map<String, Totals> byBudgetLine,
            Map<String, Totals> byFundingStream,
            Totals total) {}
}
