package uk.gov.bristol.alp.finance.domain;

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
import uk.gov.bristol.alp.platform.projection.ProjectedRow;

/** What finance keeps of a provider from the registry's events: name, specialisms, the rates it offers. */
@Entity
@Table(name = "finance_provider")
public class FinanceProvider extends ProjectedRow {
    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> specialisms;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<OfferedRate> rates;

    public record OfferedRate(Rate.Unit unit, BigDecimal amount, LocalDate validFrom, LocalDate validTo) {}

    /** The provider's row, or a new, unsaved one for it. */
    public static FinanceProvider findOrNew(UUID providerId) {
        FinanceProvider row = findById(providerId);
        if (row == null) {
            row = new FinanceProvider();
            row.providerId = providerId;
        }
        return row;
    }
}
