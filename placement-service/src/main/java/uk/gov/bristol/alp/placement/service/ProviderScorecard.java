package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.OutcomeTally;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.AttendanceCode;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;

/**
 * One provider's scorecard for commissioners over a period: the placements and pupils it had, their attendance, the
 * outcomes of those that ended (destinations, return to mainstream, targets achieved), how it answered offers, the
 * agreed weekly cost per pupil, and where quality assurance stands with it. Authority staff see any provider's; a provider its own.
 */
@ApplicationScoped
public class ProviderScorecard {
    private final Caller caller;
    private final AuditLog audit;
    private final OutcomesReport outcomes;
    private final OfferResponseReport offers;
    private final Clock clock;

    public ProviderScorecard(
            Caller caller, AuditLog audit, OutcomesReport outcomes, OfferResponseReport offers, Clock clock) {
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.outcomes = outcomes;
        this.offers = offers;
    }

    @Transactional
    public Scorecard of(UUID providerId, LocalDate from, LocalDate to) {
        ReportPeriod.require(from, to);
        if (!caller.isAuthorityWide() && !caller.actsForProvider(providerId.toString())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "a provider's scorecard is for the authority and itself");
        }
        ProviderView provider = ProviderView.findById(providerId);
        if (provider == null) {
            throw ProblemException.notFound("provider", providerId);
        }
        Object[] counts = placementCounts(providerId, from, to);
        Object[] attendance = attendance(providerId, from, to);
        long possible = ((Number) attendance[0]).longValue();
        long attended = ((Number) attendance[1]).longValue();
        Scorecard card = new Scorecard(
                providerId,
                provider.name,
                from,
                to,
                ((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(),
                possible,
                attended,
                possible == 0
                        ? null
                        : BigDecimal.valueOf(attended * 100)
                                .divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP),
                outcomes.ofProvider(from, to, providerId),
                offers.ofProvider(from, to, providerId).orElse(null),
                ((Number) counts[2]).longValue(),
                counts[3] == null ? null : ((BigDecimal) counts[3]).setScale(2, RoundingMode.HALF_UP),
                new Qa(
                        provider.qaRisk,
                        provider.qaLastVisitOn,
                        provider.qaLastRating,
                        provider.qaNextVisitDue,
                        provider.qaNextVisitDue != null && provider.qaNextVisitDue.isBefore(LocalDate.now(clock))));
        audit.record(AuditLog.Action.READ, "provider-scorecard", providerId + " " + from + ".." + to);
        return card;
    }

    /** Placements running on any day of the period, their pupils, those with an agreed rate and its mean weekly cost. */
    private static Object[] placementCounts(UUID providerId, LocalDate from, LocalDate to) {
        return (Object[]) Placement.getEntityManager()
                .createNativeQuery("""
                        select count(*), count(distinct p.pupil_id), count(p.hourly_rate),
                               avg(p.hourly_rate * p.hours_per_week)
                        from placement p
                        where p.provider_id = :provider and p.status in ('CONFIRMED', 'ACTIVE', 'ENDING', 'ENDED')
                          and p.start_date <= :to and coalesce(p.end_date, p.planned_end_date) >= :from""")
                .setParameter("provider", providerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /** Possible sessions and sessions attended in the period (DfE codes: what counts as possible, as attending). */
    private static Object[] attendance(UUID providerId, LocalDate from, LocalDate to) {
        List<String> possible = Arrays.stream(AttendanceCode.values())
                .filter(AttendanceCode::countsAsPossible)
                .map(c -> c.code)
                .toList();
        List<String> attending = Arrays.stream(AttendanceCode.values())
                .filter(c -> c.countsAsPossible() && c.countsAsAttending())
                .map(c -> c.code)
                .toList();
        return (Object[]) Placement.getEntityManager()
                .createNativeQuery("""
                        select count(*) filter (where m.code in (:possible)),
                               count(*) filter (where m.code in (:attending))
                        from attendance_mark m join placement p on p.id = m.placement_id
                        where p.provider_id = :provider and m.session_date between :from and :to""")
                .setParameter("possible", possible)
                .setParameter("attending", attending)
                .setParameter("provider", providerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /**
     * {@code weeklyCostPerPupil}: the mean of hourly rate times weekly hours over the placements with a rate agreed
     * in this service ({@code pricedPlacements}); a school's placement is priced by finance from the registry's
     * rates, so it is not counted here.
     */
    public record Scorecard(
            UUID providerId,
            String providerName,
            LocalDate from,
            LocalDate to,
            long placements,
            long pupils,
            long possibleSessions,
            long attendedSessions,
            BigDecimal attendanceRate,
            OutcomeTally.View outcomes,
            OfferResponseReport.ProviderResponses offers,
            long pricedPlacements,
            BigDecimal weeklyCostPerPupil,
            Qa qualityAssurance) {}

    /** Quality assurance as the registry last published it; {@code visitOverdue} as of today. */
    public record Qa(
            String risk, LocalDate lastVisitOn, String lastRating, LocalDate nextVisitDue, boolean visitOverdue) {}
}
