package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;

/**
 * The authority's view of the panel's work for referrals first submitted in a date range: by school, by
 * outcome, by pupil characteristics (the review found pupils in care, with SEND, on FSM and from Black, Asian
 * and minority ethnic backgrounds over-represented), and time from submission to decision. Counts only: no
 * pupil is named.
 */
@ApplicationScoped
public class PanelReports {
    public static final String UNDECIDED = "UNDECIDED";
    private static final String UNKNOWN = "UNKNOWN";

    private final Clock clock;

    public PanelReports(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public ReferralReport referrals(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<Referral> referrals = Referral.list("firstSubmittedAt >= ?1 and firstSubmittedAt < ?2", start, end);
        Map<UUID, List<Decision>> decisions = new HashMap<>();
        if (!referrals.isEmpty()) {
            Decision.<Decision>list(
                            "referralId in ?1 order by decidedAt",
                            referrals.stream().map(r -> r.id).toList())
                    .forEach(d -> decisions
                            .computeIfAbsent(d.referralId, k -> new ArrayList<>())
                            .add(d));
        }
        Function<Referral, String> outcome = r -> {
            List<Decision> chain = decisions.getOrDefault(r.id, List.of());
            return chain.isEmpty()
                    ? UNDECIDED
                    : chain.get(chain.size() - 1).outcome.name();
        };
        Map<String, Map<String, Count>> characteristics = new TreeMap<>();
        characteristics.put("senProvision", tally(referrals, outcome, p -> name(p.senProvision())));
        characteristics.put("ehcPlan", tally(referrals, outcome, p -> String.valueOf(p.hasEhcPlan())));
        characteristics.put("lookedAfter", tally(referrals, outcome, p -> name(p.lookedAfter())));
        characteristics.put("freeSchoolMeals", tally(referrals, outcome, p -> name(p.freeSchoolMeals())));
        characteristics.put("ethnicity", tally(referrals, outcome, p -> name(p.ethnicity())));
        characteristics.put("sex", tally(referrals, outcome, p -> name(p.sex())));
        Map<String, Long> bySchool = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        for (Referral r : referrals) {
            bySchool.merge(r.schoolUrn, 1L, Long::sum);
            byOutcome.merge(outcome.apply(r), 1L, Long::sum);
        }
        return new ReferralReport(
                from, to, referrals.size(), bySchool, byOutcome, characteristics, timeToDecision(referrals, decisions));
    }

    /** Counts per value, with how many of them the panel approved a placement for (outcomes compared fairly). */
    private static Map<String, Count> tally(
            List<Referral> referrals, Function<Referral, String> outcome, Function<PupilDetails, String> value) {
        Map<String, Count> counts = new TreeMap<>();
        for (Referral r : referrals) {
            boolean approved = Decision.Outcome.APPROVE_PLACEMENT.name().equals(outcome.apply(r));
            counts.merge(value.apply(r.pupil), new Count(1, approved ? 1 : 0), Count::plus);
        }
        return counts;
    }

    /** Calendar days from first submission to the first decision that was not a deferral. */
    private static TimeToDecision timeToDecision(List<Referral> referrals, Map<UUID, List<Decision>> decisions) {
        List<Long> days = new ArrayList<>();
        for (Referral r : referrals) {
            decisions.getOrDefault(r.id, List.of()).stream()
                    .filter(d -> d.outcome != Decision.Outcome.DEFER)
                    .findFirst()
                    .ifPresent(d -> days.add(
                            Duration.between(r.firstSubmittedAt, d.decidedAt).toDays()));
        }
        if (days.isEmpty()) {
            return new TimeToDecision(0, null, null, null);
        }
        Collections.sort(days);
        return new TimeToDecision(days.size(), percentile(days, 50), percentile(days, 90), days.get(days.size() - 1));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String name(Object value) {
        return value == null ? UNKNOWN : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    public record Count(long referrals, long placementsApproved) {
        Count plus(Count other) {
            return new Count(referrals + other.referrals, placementsApproved + other.placementsApproved);
        }
    }

    public record TimeToDecision(int decided, Long medianDays, Long p90Days, Long maxDays) {}

    public record ReferralReport(
            LocalDate from,
            LocalDate to,
            int referrals,
            Map<String, Long> bySchool,
            Map<String, Long> byOutcome,
            Map<String, Map<String, Count>> byCharacteristic,
            TimeToDecision timeToDecision) {}
}
