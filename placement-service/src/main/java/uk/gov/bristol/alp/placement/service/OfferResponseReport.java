package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * How providers answer offers (their service-level agreement): per provider, the offers made to it in a period, how
 * they were answered, how many answers came within its response timescale and how many late, how many wait past it
 * now, and the median time to answer. Authority staff see every provider; a provider sees its own row.
 */
@ApplicationScoped
public class OfferResponseReport {
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public OfferResponseReport(Caller caller, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<ProviderResponses> of(LocalDate from, LocalDate to) {
        ReportPeriod.require(from, to);
        UUID provider = null;
        if (!caller.isAuthorityWide()) {
            if (!caller.hasRole(Roles.PROVIDER_STAFF) || caller.providerId().isEmpty()) {
                throw new ProblemException(
                        ProblemType.FORBIDDEN, "offer responses are for the authority and providers");
            }
            provider = UUID.fromString(caller.providerId().get());
        }
        List<ProviderResponses> rows = rows(from, to, provider);
        audit.record(
                AuditLog.Action.READ,
                "offer-response-report",
                from + ".." + to + (provider == null ? "" : " provider " + provider));
        return rows;
    }

    /** One provider's row (for its scorecard); the caller's scope already checked. Empty if it had no offers. */
    java.util.Optional<ProviderResponses> ofProvider(LocalDate from, LocalDate to, UUID provider) {
        return rows(from, to, provider).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<ProviderResponses> rows(LocalDate from, LocalDate to, UUID provider) {
        List<Object[]> rows = Placement.getEntityManager()
                .createNativeQuery("""
                        select o.provider_id, v.name, v.response_timescale_days, count(*),
                               count(*) filter (where o.answer = 'ACCEPTED'),
                               count(*) filter (where o.answer = 'DECLINED'),
                               count(*) filter (where o.answer = 'AWAITING'),
                               count(*) filter (where o.answer = 'WITHDRAWN'),
                               count(*) filter (where o.answer in ('ACCEPTED', 'DECLINED')
                                                  and o.answered_at <= o.respond_by),
                               count(*) filter (where o.answer in ('ACCEPTED', 'DECLINED')
                                                  and o.answered_at > o.respond_by),
                               count(*) filter (where o.answer = 'AWAITING' and o.respond_by < :now),
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from o.answered_at - o.offered_at) / 3600)
                                   filter (where o.answer in ('ACCEPTED', 'DECLINED'))
                        from placement_offer o left join provider_view v on v.provider_id = o.provider_id
                        where o.offered_at >= cast(:from as date) and o.offered_at < cast(:to as date) + 1
                          and (cast(:provider as text) is null or cast(o.provider_id as text) = :provider)
                        group by o.provider_id, v.name, v.response_timescale_days
                        order by v.name, o.provider_id""")
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("provider", provider == null ? null : provider.toString())
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
        return rows.stream()
                .map(r -> new ProviderResponses(
                        (UUID) r[0],
                        (String) r[1],
                        r[2] == null ? null : ((Number) r[2]).intValue(),
                        count(r[3]),
                        count(r[4]),
                        count(r[5]),
                        count(r[6]),
                        count(r[7]),
                        count(r[8]),
                        count(r[9]),
                        count(r[10]),
                        r[11] == null
                                ? null
                                : BigDecimal.valueOf(((Number) r[11]).doubleValue())
                                        .setScale(1, RoundingMode.HALF_UP)))
                .toList();
    }

    private static long count(Object o) {
        return ((Number) o).longValue();
    }

    /**
     * One provider's answers to the offers made to it in the period. {@code answeredInTime} and {@code answeredLate}
     * count accepted and declined offers against the timescale in force when each was made;
     * {@code overdueNow} the offers still waiting past it.
     */
    public record ProviderResponses(
            UUID providerId,
            String providerName,
            Integer responseTimescaleDays,
            long offered,
            long accepted,
            long declined,
            long awaiting,
            long withdrawn,
            long answeredInTime,
            long answeredLate,
            long overdueNow,
            BigDecimal medianHoursToAnswer) {}
}
