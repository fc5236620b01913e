package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rate finance agreed with a provider; it comes before the rates the provider offers in the registry. */
@Entity
@Table(name = "agreed_rate")
public class AgreedRate extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Rate.Unit unit;

    public BigDecimal amount;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public String reason;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "entered_at")
    public OffsetDateTime enteredAt;

    public Rate rate() {
        return new Rate(unit, amount, validFrom, validTo, Rate.Source.AGREED);
    }
}
