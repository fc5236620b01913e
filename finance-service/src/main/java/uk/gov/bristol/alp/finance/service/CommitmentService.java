package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.finance.domain.ApprovalProtocol;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.finance.domain.FinanceRules;
import uk.gov.bristol.alp.finance.domain.Forecast;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.finance.domain.Segment;
import uk.gov.bristol.alp.finance.domain.Segments;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;
import uk.gov.bristol.alp.platform.web.Versions;

/**
 * Commitments follow their placement: created when it is confirmed, recomputed when its hours or dates change,
 * partly released when it ends early, wholly when it is cancelled. Each handler is idempotent: the same event
 * twice leaves the same commitment.
 */
@ApplicationScoped
public class CommitmentService {
    private static final Logger LOG = Logger.getLogger(CommitmentService.class);

    private final CommitmentYears years;
    private final RateBook rates;
    private final ApprovalProtocol approvals;
    private final BudgetControl budgets;
    private final SchoolCalendar calendar;
    private final FinanceEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public CommitmentService(
            CommitmentYears years,
            RateBook rates,
            ApprovalProtocol approvals,
            BudgetControl budgets,
            SchoolCalendar calendar,
            FinanceEvents events,
            Caller caller,
            AuditLog audit,
            Clock clock) {
        this.years = years;
        this.rates = rates;
        this.approvals = approvals;
        this.budgets = budgets;
        this.calendar = calendar;
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void commit(PlacementTerms placement) {
        if (Commitment.forPlacement(placement.placementId()).isPresent()) {
            return;
        }
        if (cancelledBeforeConfirmation(placement.placementId())) {
            LOG.infof(
                    "placement %s was cancelled before its confirmation arrived: nothing committed",
                    placement.placementId());
            return;
        }
        lockRatesOf(placement.providerId());
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.placementId = placement.placementId();
        c.providerId = placement.providerId();
        c.codeAs(placement.costCode());
        c.ehcPlan = placement.ehcPlan();
        c.ehcNeedsAssessment = placement.ehcNeedsAssessment();
        c.hoursPerWeek = placement.hoursPerWeek();
        c.startDate = placement.startDate();
        // The rate finance agreed, else the one the registry offers, on the start date; a rate typed at commissioning
        // only when neither exists, so a school cannot undercut (or inflate) what the authority agreed.
        c.useRate(rates.on(placement.providerId(), placement.startDate()).orElse(typedRate(placement)));
        c.plannedEndDate = placement.plannedEndDate();
        c.segments = List.of(new Segment(placement.startDate(), placement.plannedEndDate(), placement.hoursPerWeek()));
        c.released = BigDecimal.ZERO;
        c.approval = Commitment.Approval.NOT_REQUIRED;
        c.createdAt = OffsetDateTime.now(clock);
        recompute(c);
        c.persistAndFlush();
        years.replace(c.id, forecast(c).years());
        checkBudgets(c);
        events.commitmentCreated(c);
    }

    /** The placement's hours or planned end changed from {@code effectiveFrom}: earlier weeks keep their hours. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revise(PlacementTerms placement, LocalDate effectiveFrom) {
        if (placement.confirmed()
                && Commitment.forPlacement(placement.placementId()).isEmpty()) {
            // The confirmation has not arrived (parked, to be replayed): the revision carries the whole placement.
            commit(placement);
            return;
        }
        Commitment c = open(placement.placementId(), "revision");
        if (c == null) {
            return;
        }
        c.segments = Segments.revise(c.segments, effectiveFrom, placement.plannedEndDate(), placement.hoursPerWeek());
        c.hoursPerWeek = placement.hoursPerWeek();
        c.plannedEndDate = placement.plannedEndDate();
        if (placement.hourlyRate() != null && (c.rateSource == null || c.rateSource == Rate.Source.PLACEMENT)) {
            // Only a typed rate follows the placement's; an agreed or offered one stays as it was priced.
            c.useRate(typedRate(placement));
        }
        c.codeAs(placement.costCode());
        update(c, "revised from " + effectiveFrom + ": " + c.hoursPerWeek + " h a week to " + c.plannedEndDate);
    }

    /** The placement ended on {@code lastDay}: what was forecast after it is released. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(PlacementTerms placement, LocalDate lastDay) {
        if (Commitment.forPlacement(placement.placementId()).isEmpty()) {
            // Ended before finance saw its confirmation: it ran, so its cost up to the last day is committed.
            commit(placement);
        }
        Commitment c = open(placement.placementId(), "end");
        if (c == null) {
            return;
        }
        c.segments = Segments.endOn(c.segments, lastDay);
        c.endDate = lastDay;
        c.status = Commitment.Status.ENDED;
        update(c, "ended on " + lastDay);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(UUID placementId) {
        if (Commitment.forPlacement(placementId).isEmpty()) {
            // Remembered, so a confirmation that arrives late (replayed after parking) commits nothing.
            Commitment.getEntityManager()
                    .createNativeQuery(
                            "insert into cancelled_placement (placement_id) values (?1) on conflict do nothing")
                    .setParameter(1, placementId)
                    .executeUpdate();
            return;
        }
        Commitment c = open(placementId, "cancellation");
        if (c == null) {
            return;
        }
        c.segments = List.of();
        c.status = Commitment.Status.CANCELLED;
        update(c, "cancelled");
    }

    /**
     * The provider's rates changed (registry or finance): commitments still waiting for a rate take the one valid
     * on their start date. Committed ones keep theirs: a placement is priced when it is agreed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyRates(UUID providerId) {
        lockRatesOf(providerId);
        for (Commitment c : Commitment.<Commitment>list(
                "providerId = ?1 and status = ?2", providerId, Commitment.Status.RATE_PENDING)) {
            rates.on(providerId, c.startDate).ifPresent(rate -> {
                c.useRate(rate);
                update(c, "rate found: " + rate.amount() + " per " + rate.unit() + " (" + rate.source() + ")");
            });
        }
    }

    /**
     * Pricing a new commitment and applying a provider's new rates take turns, per provider, until their
     * transactions end. Otherwise a commitment created while the rates arrive misses both: it finds no rate yet,
     * and the rates' transaction cannot see the commitment to price it (found by RatesTest).
     */
    private static void lockRatesOf(UUID providerId) {
        Commitment.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, providerId.getMostSignificantBits() ^ providerId.getLeastSignificantBits())
                .getSingleResult();
    }

    /** A finance officer approves a high-cost or EHC-plan commitment; it then counts as approved. */
    @Transactional
    public Commitment approve(UUID id, String note, String ifMatch) {
        Commitment c = Commitment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("commitment", id);
        }
        // The officer approves the forecast they read: a revision since then must be read and approved again.
        Versions.requireIfMatch(ifMatch, c.version);
        if (c.approval != Commitment.Approval.PENDING) {
            throw new ProblemException(
                    FinanceRules.COMMITMENT_NOT_PENDING_APPROVAL, "commitment " + id + " is " + c.approval);
        }
        c.approval = Commitment.Approval.APPROVED;
        c.approvedTotal = c.forecastCost;
        c.approvedBy = caller.username();
        c.approvedAt = OffsetDateTime.now(clock);
        audit.record(AuditLog.Action.UPDATE, "commitment", id, "approved at " + c.forecastCost + ": " + note);
        events.commitmentApproved(c);
        return c;
    }

    /**
     * A finance officer codes an uncoded commitment (its placement named a code finance did not have) or recodes one:
     * the code must be registered and not retired; budgets are checked for it.
     */
    @Transactional
    public Commitment code(UUID id, String costCode, String ifMatch) {
        Commitment c = Commitment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("commitment", id);
        }
        Versions.requireIfMatch(ifMatch, c.version);
        CostCode code = CostCode.findById(costCode);
        if (code == null) {
            throw ProblemException.invalid("costCode", "registered", "no cost code " + costCode + " is registered");
        }
        if (code.status == CostCode.Status.RETIRED) {
            throw new ProblemException(FinanceRules.COST_CODE_RETIRED, "cost code " + costCode + " is retired");
        }
        String before = c.costCode != null ? c.costCode : "uncoded (" + c.requestedCostCode + ")";
        c.costCode = costCode;
        c.requestedCostCode = null;
        checkBudgets(c);
        audit.record(AuditLog.Action.UPDATE, "commitment", id, "coded: " + before + " -> " + costCode);
        return c;
    }

    /** Waiting for approval, the longest-waiting first (EHC-plan pupils must not wait at home for sign-off). */
    @Transactional
    public List<Commitment> pendingApproval() {
        return Commitment.list("approval = ?1 order by createdAt", Commitment.Approval.PENDING);
    }

    @Transactional
    public List<CommitmentYears.Share> yearsOf(UUID commitmentId) {
        return years.of(commitmentId);
    }

    @Transactional
    public Page<Commitment> find(UUID placementId, UUID providerId, boolean uncodedOnly, int page, int size) {
        Criteria criteria = new Criteria().equal("placementId", placementId).equal("providerId", providerId);
        if (uncodedOnly) {
            criteria.always("costCode is null and requestedCostCode is not null", Map.of());
        }
        return Page.of(
                Commitment.<Commitment>find(criteria.orderedBy("createdAt desc, id"), criteria.parameters()),
                page,
                size);
    }

    private Commitment open(UUID placementId, String what) {
        Commitment c = Commitment.<Commitment>forPlacement(placementId).orElse(null);
        if (c == null) {
            // A placement proposed but never confirmed has no commitment: nothing to change.
            LOG.infof("no commitment for placement %s: %s ignored", placementId, what);
            return null;
        }
        if (c.closed()) {
            LOG.infof("commitment for placement %s is %s: %s ignored", placementId, c.status, what);
            return null;
        }
        return c;
    }

    private void update(Commitment c, String what) {
        BigDecimal before = c.forecastCost;
        List<String> yearsBefore = years.of(c.id).stream()
                .map(CommitmentYears.Share::financialYear)
                .toList();
        recompute(c);
        if (before != null && c.forecastCost != null && c.forecastCost.compareTo(before) < 0) {
            c.released = c.released.add(before.subtract(c.forecastCost));
        }
        years.replace(c.id, forecast(c).years());
        c.updatedAt = OffsetDateTime.now(clock);
        checkBudgets(c, yearsBefore);
        audit.record(
                AuditLog.Action.UPDATE, "commitment", c.id, what + "; forecast " + before + " -> " + c.forecastCost);
    }

    private void recompute(Commitment c) {
        Forecast f = forecast(c);
        c.weeks = f.weeks();
        c.forecastCost = f.cost();
        if (!c.closed()) {
            c.status = f.cost() == null ? Commitment.Status.RATE_PENDING : Commitment.Status.COMMITTED;
        }
        approvals.apply(c);
    }

    private Forecast forecast(Commitment c) {
        return Forecast.of(c.segments, c.rate(), calendar);
    }

    private void checkBudgets(Commitment c) {
        checkBudgets(c, List.of());
    }

    private void checkBudgets(Commitment c, List<String> alsoYears) {
        if (c.costCode == null) {
            return;
        }
        List<String> toCheck = new ArrayList<>(alsoYears);
        years.of(c.id).forEach(y -> {
            if (!toCheck.contains(y.financialYear())) {
                toCheck.add(y.financialYear());
            }
        });
        boolean over = false;
        for (String year : toCheck) {
            over |= budgets.check(year, c.costCode);
        }
        c.overBudget = over;
    }

    private static Rate typedRate(PlacementTerms placement) {
        return placement.hourlyRate() == null ? null : Rate.hourly(placement.hourlyRate(), Rate.Source.PLACEMENT);
    }

    private static boolean cancelledBeforeConfirmation(UUID placementId) {
        return !Commitment.getEntityManager()
                .createNativeQuery("select 1 from cancelled_placement where placement_id = ?1")
                .setParameter(1, placementId)
                .getResultList()
                .isEmpty();
    }

    /**
     * A placement's terms, as finance needs them to commit and forecast its cost. {@code confirmed}: the placement had
     * been confirmed when the event was sent (a revised proposal has not, and commits nothing).
     */
    public record PlacementTerms(
            UUID placementId,
            UUID providerId,
            String costCode,
            BigDecimal hoursPerWeek,
            BigDecimal hourlyRate,
            LocalDate startDate,
            LocalDate plannedEndDate,
            boolean ehcPlan,
            boolean ehcNeedsAssessment,
            boolean confirmed) {}
}
