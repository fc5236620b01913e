package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * An ALP cost code in the one register: its cost centre, budget line and funding stream. A budget line sits
 * under one cost centre (the review found lines that did not match their centres). Retired, never deleted
 * while a budget uses it.
 */
@Entity
@Table(name = "cost_code")
public class CostCode extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        RETIRED
    }

    @Id
    public String code;

    public String description;

    @Column(name = "cost_centre")
    public String costCentre;

    @Column(name = "budget_line")
    public String budgetLine;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_stream")
    public FundingStream fundingStream;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "retired_reason")
    public String retiredReason;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
