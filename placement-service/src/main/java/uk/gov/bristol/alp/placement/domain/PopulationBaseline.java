package uk.gov.bristol.alp.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Pupils on roll at a census by characteristic and category, for one school or summed over several (the city): the
 * population the disproportionality report compares pupils in ALP with. Plain Java.
 */
public final class PopulationBaseline {
    public enum Characteristic {
        /** Every pupil on roll (category {@code ALL}). */
        ALL,
        SEN_PROVISION,
        /** Looked-after children (category {@code Y}). */
        LOOKED_AFTER,
        /** Eligible for free school meals on census day (category {@code Y}). */
        FSM,
        ETHNICITY,
        SEX
    }

    public static final String YES = "Y";

    private final Map<Characteristic, Map<String, Integer>> counts = new HashMap<>();

    public void add(Characteristic characteristic, String category, int pupils) {
        counts.computeIfAbsent(characteristic, c -> new HashMap<>()).merge(category, pupils, Integer::sum);
    }

    /** Adds another school's counts to these (the population of several schools). */
    public void addAll(PopulationBaseline other) {
        other.counts.forEach((characteristic, categories) ->
                categories.forEach((category, pupils) -> add(characteristic, category, pupils)));
    }

    public int total() {
        return count(Characteristic.ALL, "ALL");
    }

    public int count(Characteristic characteristic, String category) {
        return counts.getOrDefault(characteristic, Map.of()).getOrDefault(category, 0);
    }

    /**
     * How a group's count in ALP compares with its share of the population: {@code percent} of pupils on roll in the
     * group, {@code perThousand} of the group in ALP per 1,000 of it on roll, and {@code ratio}, the group's share of
     * pupils in ALP over its share of the population (above 1: over-represented). Null where the population has none.
     */
    public Comparison compare(Characteristic characteristic, String category, int inAlp, BigDecimal alpPercent) {
        int onRoll = count(characteristic, category);
        int total = total();
        if (onRoll == 0 || total == 0) {
            return new Comparison(onRoll, null, null, null);
        }
        BigDecimal percent =
                BigDecimal.valueOf(onRoll * 100L).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP);
        return new Comparison(
                onRoll,
                percent.setScale(1, RoundingMode.HALF_UP),
                BigDecimal.valueOf(inAlp * 1000L).divide(BigDecimal.valueOf(onRoll), 1, RoundingMode.HALF_UP),
                alpPercent.divide(percent, 2, RoundingMode.HALF_UP));
    }

    public record Comparison(int onRoll, BigDecimal percent, BigDecimal perThousand, BigDecimal ratio) {}
}
