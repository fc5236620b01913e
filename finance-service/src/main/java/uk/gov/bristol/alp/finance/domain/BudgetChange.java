package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One change of a budget: from what, to what, why, by whom. Never changed itself. */
@Entity
@Table(name = "budget_change")
public class BudgetChange extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "budget_id")
    public UUID budgetId;

    @Column(name = "previous_amount")
    public BigDecimal previousAmount;

    @Column(name = "new_amount")
    public BigDecimal newAmount;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public static List<BudgetChange> of(UUID budgetId) {
        return list("budgetId = ?1 order by changedAt, id", budgetId);
    }
}
