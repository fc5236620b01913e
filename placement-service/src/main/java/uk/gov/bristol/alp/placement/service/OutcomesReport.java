package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.OutcomeTally;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.TransitionPlan;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Outcomes of placements that ended in a period (each counted once, whatever its targets or attendance): how they
 * ended, destinations, return to mainstream, time in ALP and in full-time ALP, learning targets achieved; overall
 * and by provider, school or specialism (a placement counts under each specialism of its provider). Authority staff
 * see all; a school its own pupils'; a provider its own placements'.
 */
@ApplicationScoped
public class OutcomesReport {
    public enum GroupBy {
        PROVIDER,
        SCHOOL,
        SPECIALISM
    }

    private final Caller caller;
    private final AuditLog audit;
    private final BigDecimal fullTimeThreshold;

    public OutcomesReport(Caller caller, AuditLog audit, PlacementConfig config) {
        this.caller = caller;
        this.audit = audit;
        this.fullTimeThreshold = config.fullTimeHoursThreshold();
    }

    @Transactional
    public Report of(LocalDate from, LocalDate to, GroupBy groupBy) {
        ReportPeriod.require(from, to);
        Scope scope = scope();
        OutcomeTally overall = new OutcomeTally();
        Map<String, Group> groups = new TreeMap<>();
        for (Ended e : ended(from, to, scope)) {
            List<OutcomeTally> into = new ArrayList<>(List.of(overall));
            for (String[] key : keys(e, groupBy)) {
                into.add(groups.computeIfAbsent(key[0], k -> new Group(k, key[1])).tally);
            }
            into.forEach(t -> t.add(e.destination, e.outcome, e.days, e.fullTime, e.targets, e.achieved));
        }
        audit.record(AuditLog.Action.READ, "outcomes-report", from + ".." + to + " by " + groupBy + scope.said());
        return new Report(
                from,
                to,
                groupBy,
                overall.view(),
                groups.values().stream()
                        .map(g -> new GroupView(g.key, g.name, g.tally.view()))
                        .toList());
    }

    /** The outcomes of one provider's placements (for its scorecard); the caller's scope already checked. */
    OutcomeTally.View ofProvider(LocalDate from, LocalDate to, UUID provider) {
        OutcomeTally tally = new OutcomeTally();
        for (Ended e : ended(from, to, new Scope(null, provider.toString()))) {
            tally.add(e.destination, e.outcome, e.days, e.fullTime, e.targets, e.achieved);
        }
        return tally.view();
    }

    private static List<String[]> keys(Ended e, GroupBy groupBy) {
        if (groupBy == null) {
            return List.of();
        }
        return switch (groupBy) {
            case PROVIDER -> List.<String[]>of(new String[] {e.providerId.toString(), e.providerName});
            case SCHOOL -> List.<String[]>of(new String[] {e.schoolUrn, null});
            case SPECIALISM ->
                e.specialisms.stream().map(s -> new String[] {s, null}).toList();
        };
    }

    /** The school or provider the caller is limited to, if any. */
    private Scope scope() {
        if (caller.isAuthorityWide()) {
            return new Scope(null, null);
        }
        if (caller.hasRole(Roles.SCHOOL_STAFF)) {
            return new Scope(caller.ownSchoolUrn(), null);
        }
        if (caller.hasRole(Roles.PROVIDER_STAFF) && caller.providerId().isPresent()) {
            return new Scope(null, caller.providerId().get());
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "outcomes are for the authority, schools and providers");
    }

    private record Scope(String school, String provider) {
        String said() {
            return school != null ? " school " + school : provider != null ? " provider " + provider : "";
        }
    }

    private static final class Group {
        final String key;
        final String name;
        final OutcomeTally tally = new OutcomeTally();

        Group(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    private record Ended(
            UUID providerId,
            String providerName,
            String schoolUrn,
            List<String> specialisms,
            TransitionPlan.Destination destination,
            Placement.Outcome outcome,
            long days,
            boolean fullTime,
            long targets,
            long achieved) {}

    /** One row per placement ended in the period; its targets counted in subqueries, so no join multiplies it. */
    @SuppressWarnings("unchecked")
    private List<Ended> ended(LocalDate from, LocalDate to, Scope scope) {
        List<Object[]> rows = Placement.getEntityManager()
                .createNativeQuery("""
                        select p.provider_id, v.name, cast(p.school_urn as text), v.specialisms,
                               p.transition_plan->>'destination', p.outcome,
                               p.end_date - p.start_date + 1, p.hours_per_week >= :fullTime,
                               (select count(*) from learning_target t where t.placement_id = p.id),
                               (select count(*) from learning_target t
                                where t.placement_id = p.id and t.progress = 'ACHIEVED')
                        from placement p left join provider_view v on v.provider_id = p.provider_id
                        where p.status = 'ENDED' and p.end_date between :from and :to
                          and (cast(:school as text) is null or p.school_urn = :school)
                          and (cast(:provider as text) is null or cast(p.provider_id as text) = :provider)
                        """)
                .setParameter("fullTime", fullTimeThreshold)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("school", scope.school())
                .setParameter("provider", scope.provider())
                .getResultList();
        return rows.stream()
                .map(r -> new Ended(
                        (UUID) r[0],
                        (String) r[1],
                        ((String) r[2]).strip(),
                        strings(r[3]),
                        r[4] == null ? null : TransitionPlan.Destination.valueOf((String) r[4]),
                        r[5] == null ? null : Placement.Outcome.valueOf((String) r[5]),
                        ((Number) r[6]).longValue(),
                        (Boolean) r[7],
                        ((Number) r[8]).longValue(),
                        ((Number) r[9]).longValue()))
                .toList();
    }

    private static List<String> strings(Object array) {
        try {
            if (array == null) {
                return List.of();
            }
            Object values = array instanceof Array a ? a.getArray() : array;
            return values instanceof Object[] items
                    ? java.util.Arrays.stream(items).map(String::valueOf).toList()
                    : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("reading a provider's specialisms", e);
        }
    }

    public record GroupView(String key, String name, OutcomeTally.View outcomes) {}

    public record Report(
            LocalDate from, LocalDate to, GroupBy groupBy, OutcomeTally.View overall, List<GroupView> groups) {}
}
