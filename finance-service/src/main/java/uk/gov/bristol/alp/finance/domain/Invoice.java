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

/** A provider's invoice. CHECKED when every line agrees with attendance; QUERIED when any line does not. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    public enum Status {
        CHECKED,
        QUERIED
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    public BigDecimal total;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "received_by")
    public String receivedBy;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
