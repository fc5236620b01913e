package uk.gov.bristol.alp.finance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Money committed to one confirmed placement: its segments of hours, the rate, the forecast and what has been
 * released since (early end, cancellation). High-cost and EHC-plan commitments count as approved only once a
 * finance officer approves them.
 */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {
    public enum Status {
        COMMITTED,
        /** Confirmed without an agreed hourly rate: weeks are known, cost is not. */
        RATE_PENDING,
        ENDED,
        CANCELLED
    }

    public enum Approval {
        NOT_REQUIRED,
        PENDING,
        APPROVED
    }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "cost_code")
    public String costCode;

    /** The cost code the placement named when finance has no such code: the commitment is uncoded until coded. */
    @Column(name = "requested_cost_code")
    public String requestedCostCode;

    /** Takes the placement's cost code if finance has it; otherwise stays uncoded, remembering what was asked. */
    public void codeAs(String requested) {
        if (requested == null) {
            return;
        }
        boolean known = CostCode.findById(requested) != null;
        costCode = known ? requested : null;
        requestedCostCode = known ? null : requested;
    }

    @Column(name = "ehc_plan")
    public boolean ehcPlan;

    /** The pupil's EHC needs assessment was under way when committed: funding before the plan (SEND protocol). */
    @Column(name = "ehc_needs_assessment")
    public boolean ehcNeedsAssessment;

    /** Under the SEND protocol: an EHC plan, or an assessment under way. */
    public boolean send() {
        return ehcPlan || ehcNeedsAssessment;
    }
    /** The hours a week now (the last segment's). */
    @Column(name = "hours_per_week")
    public BigDecimal hoursPerWeek;
    /** The rate's amount, per {@link #rateUnit}. */
    @Column(name = "hourly_rate")
    public BigDecimal hourlyRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "rate_unit")
    public Rate.Unit rateUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "rate_source")
    public Rate.Source rateSource;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Segment> segments;

    public BigDecimal weeks;

    @Column(name = "forecast_cost")
    public BigDecimal forecastCost;
    /** What early ends and cancellation have given back, in total. */
    public BigDecimal released;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Approval approval;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "approval_reasons")
    public List<String> approvalReasons;

    @Column(name = "approved_total")
    public BigDecimal approvedTotal;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "over_budget")
    public boolean overBudget;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static Optional<Commitment> forPlacement(UUID placementId) {
        return find("placementId", placementId).firstResultOptional();
    }

    /** The rate the forecast uses, or null while none is agreed. */
    public Rate rate() {
        return hourlyRate == null ? null : new Rate(rateUnit, hourlyRate, null, null, rateSource);
    }

    public void useRate(Rate rate) {
        hourlyRate = rate == null ? null : rate.amount();
        rateUnit = rate == null ? Rate.Unit.HOUR : rate.unit();
        rateSource = rate == null ? null : rate.source();
    }

    public boolean closed() {
        return status == Status.ENDED || status == Status.CANCELLED;
    }
}
