package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of an invoice: a placement, a period, the sessions claimed, and what the check found. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "sessions_claimed")
    public int sessionsClaimed;

    @Column(name = "sessions_attended")
    public int sessionsAttended;

    public BigDecimal amount;
    /** The financial year the period starts in: where the budget position counts the amount as invoiced. */
    @Column(name = "financial_year")
    public String financialYear;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> discrepancies;

    public static List<InvoiceLine> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by periodFrom, id", invoiceId);
    }
}
