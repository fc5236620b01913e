package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What finance keeps of a provider from the registry's events: name, specialisms, the rates it offers. */
@Entity
@Table(name = "finance_provider")
public class FinanceProvider extends PanacheEntityBase {
    @Id
    @Column(name = "provider_id")
    public UUID providerId;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> specialisms;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OfferedRate> rates;
    /** The time of the event this came from: an older event arriving late changes nothing. */
    @Column(name = "as_of")
    public OffsetDateTime asOf;

    public record OfferedRate(Rate.Unit unit, java.math.BigDecimal amount, java.time.LocalDate validFrom,
            java.time.LocalDate validTo) {
    }
}
