package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The budget of one cost code for one financial year; each change is kept as a {@link BudgetChange}. */
@Entity
@Table(name = "budget")
public class Budget extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "financial_year")
    public String financialYear;

    @Column(name = "cost_code")
    public String costCode;

    public BigDecimal amount;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
