package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Forecast;

/** The financial-year shares of commitments, and the totals budget control reads from them. */
@ApplicationScoped
public class CommitmentYears {
    private final EntityManager em;

    public CommitmentYears(EntityManager em) {
        this.em = em;
    }

    /** Replaces the commitment's shares with the forecast's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID commitmentId, List<Forecast.YearShare> years) {
        em.createNativeQuery("delete from commitment_year where commitment_id = ?1")
                .setParameter(1, commitmentId)
                .executeUpdate();
        for (Forecast.YearShare y : years) {
            em.createNativeQuery("insert into commitment_year (commitment_id, financial_year, weeks, amount) "
                            + "values (?1, ?2, ?3, ?4)")
                    .setParameter(1, commitmentId)
                    .setParameter(2, y.year().toString())
                    .setParameter(3, y.weeks())
                    .setParameter(4, y.cost())
                    .executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Share> of(UUID commitmentId) {
        List<Object[]> rows = em.createNativeQuery(
                        "select financial_year, weeks, amount from commitment_year "
                                + "where commitment_id = ?1 order by financial_year",
                        Object[].class)
                .setParameter(1, commitmentId)
                .getResultList();
        return rows.stream()
                .map(r -> new Share((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2]))
                .toList();
    }

    /** Everything committed against a cost code in a financial year (approved or waiting for approval). */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal committed(String financialYear, String costCode) {
        // The running total kept with every change to a share or a commitment (migration V9).
        Object sum = em.createNativeQuery("""
                select coalesce(sum(committed + pending), 0) from budget_total
                where financial_year = ?1 and cost_code = ?2""")
                .setParameter(1, financialYear)
                .setParameter(2, costCode)
                .getSingleResult();
        return (BigDecimal) sum;
    }

    public record Share(String financialYear, BigDecimal weeks, BigDecimal amount) {}
}
