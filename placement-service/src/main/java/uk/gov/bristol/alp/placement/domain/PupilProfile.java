package uk.gov.bristol.alp.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of pupils by each characteristic the review found over-represented in ALP (SEN provision, EHC plan,
 * looked after, free school meals, ethnicity, sex), with each count as a rate of the pupils counted. Plain Java.
 */
public final class PupilProfile {
    static final String NOT_RECORDED = "NOT_RECORDED";

    private final String schoolUrn;
    private int pupils;
    private int ehcPlan;
    private int ehcNeedsAssessment;
    private int lookedAfter;
    private int fsm;
    private final Map<String, Integer> senProvision = new TreeMap<>();
    private final Map<String, Integer> ethnicity = new TreeMap<>();
    private final Map<String, Integer> sex = new TreeMap<>();

    public PupilProfile(String schoolUrn) {
        this.schoolUrn = schoolUrn;
    }

    /** One pupil in ALP in the period. */
    public void add(
            String senProvisionCode,
            boolean isLookedAfter,
            String ethnicityCode,
            String sexCode,
            boolean fsmEligible,
            boolean ehcNeedsAssessmentInProgress) {
        pupils++;
        senProvision.merge(orNotRecorded(senProvisionCode), 1, Integer::sum);
        ethnicity.merge(orNotRecorded(ethnicityCode), 1, Integer::sum);
        sex.merge(orNotRecorded(sexCode), 1, Integer::sum);
        ehcPlan += "E".equals(senProvisionCode) ? 1 : 0;
        lookedAfter += isLookedAfter ? 1 : 0;
        fsm += fsmEligible ? 1 : 0;
        ehcNeedsAssessment += ehcNeedsAssessmentInProgress ? 1 : 0;
    }

    public String schoolUrn() {
        return schoolUrn;
    }

    public View view() {
        return view(null);
    }

    /** The counts, each compared with the population on roll when a census baseline is given. */
    public View view(PopulationBaseline baseline) {
        return new View(
                schoolUrn,
                pupils,
                baseline == null ? null : baseline.total(),
                shares(senProvision, baseline, PopulationBaseline.Characteristic.SEN_PROVISION),
                share(ehcPlan, baseline, PopulationBaseline.Characteristic.SEN_PROVISION, "E"),
                share(ehcNeedsAssessment, null, null, null),
                share(lookedAfter, baseline, PopulationBaseline.Characteristic.LOOKED_AFTER, PopulationBaseline.YES),
                share(fsm, baseline, PopulationBaseline.Characteristic.FSM, PopulationBaseline.YES),
                shares(ethnicity, baseline, PopulationBaseline.Characteristic.ETHNICITY),
                shares(sex, baseline, PopulationBaseline.Characteristic.SEX));
    }

    private Map<String, Share> shares(
            Map<String, Integer> counts,
            PopulationBaseline baseline,
            PopulationBaseline.Characteristic characteristic) {
        Map<String, Share> out = new TreeMap<>();
        counts.forEach((code, count) -> out.put(code, share(count, baseline, characteristic, code)));
        return out;
    }

    private Share share(
            int count, PopulationBaseline baseline, PopulationBaseline.Characteristic characteristic, String category) {
        BigDecimal percent = pupils == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(pupils), 1, RoundingMode.HALF_UP);
        BigDecimal exact = pupils == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(pupils), 3, RoundingMode.HALF_UP);
        return new Share(
                count,
                percent,
                baseline == null || characteristic == null
                        ? null
                        : baseline.compare(characteristic, category, count, exact));
    }

    private static String orNotRecorded(String code) {
        return code == null || code.isBlank() ? NOT_RECORDED : code.strip();
    }

    /**
     * How many pupils, and what percentage of the pupils counted (one decimal place); with a baseline, the same group
     * in the population on roll (null without one, or for a group the census does not count).
     */
    public record Share(int count, BigDecimal percent, PopulationBaseline.Comparison population) {}

    /** {@code onRoll}: pupils on roll at the baseline's census (null without a baseline). */
    public record View(
            String schoolUrn,
            int pupils,
            Integer onRoll,
            Map<String, Share> senProvision,
            Share ehcPlan,
            Share ehcNeedsAssessmentInProgress,
            Share lookedAfter,
            Share freeSchoolMeals,
            Map<String, Share> ethnicity,
            Map<String, Share> sex) {}
}
