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

/** Money committed to one confirmed placement. */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {
    public enum Status {
        COMMITTED,
        /** Confirmed without an agreed hourly rate: weeks are known, cost is not. */
        RATE_PENDING
    }

    @Id
    public UUID id;
    @Column(name = "placement_id")
    public UUID placementId;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "hours_per_week")
    public BigDecimal hoursPerWeek;
    @Column(name = "hourly_rate")
    public BigDecimal hourlyRate;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;
    public BigDecimal weeks;
    @Column(name = "forecast_cost")
    public BigDecimal forecastCost;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
