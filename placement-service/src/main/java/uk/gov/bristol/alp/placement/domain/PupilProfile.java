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

    public View view() {
        return new View(
                schoolUrn,
                pupils,
                shares(senProvision),
                share(ehcPlan),
                share(ehcNeedsAssessment),
                share(lookedAfter),
                share(fsm),
                shares(ethnicity),
                shares(sex));
    }

    private Map<String, Share> shares(Map<String, Integer> counts) {
        Map<String, Share> out = new TreeMap<>();
        counts.forEach((code, count) -> out.put(code, share(count)));
        return out;
    }

    private Share share(int count) {
        BigDecimal percent = pupils == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(pupils), 1, RoundingMode.HALF_UP);
        return new Share(count, percent);
    }

    private static String orNotRecorded(String code) {
        return code == null || code.isBlank() ? NOT_RECORDED : code.strip();
    }

    /** How many pupils, and what percentage of the pupils counted (one decimal place). */
    public record Share(int count, BigDecimal percent) {}

    public record View(
            String schoolUrn,
            int pupils,
            Map<String, Share> senProvision,
            Share ehcPlan,
            Share ehcNeedsAssessmentInProgress,
            Share lookedAfter,
            Share freeSchoolMeals,
            Map<String, Share> ethnicity,
            Map<String, Share> sex) {}
}
