package uk.gov.bristol.alp.registry.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The framework's quality assurance rules (docs/domain-rules.md, "Quality assurance"), in plain Java: how often a
 * provider is visited by its risk, the areas a visit looks at, and what a visit's rating means for the framework's
 * QA check.
 */
public final class QualityAssurance {
    public enum Risk {
        LOW(Period.ofMonths(12)),
        MEDIUM(Period.ofMonths(6)),
        HIGH(Period.ofMonths(3));

        /** The longest time from one visit to the next. */
        public final Period interval;

        Risk(Period interval) {
            this.interval = interval;
        }
    }

    /** The framework's areas a visit reports on. */
    public enum Area {
        SAFEGUARDING,
        TEACHING_AND_LEARNING,
        CAREERS_ADVICE,
        ATTENDANCE,
        HEALTH_AND_SAFETY
    }

    public enum Rating {
        OUTSTANDING,
        GOOD,
        REQUIRES_IMPROVEMENT,
        INADEQUATE;

        /** An inadequate visit fails the framework's QA check; any other passes it. */
        public CheckOutcome checkOutcome() {
            return this == INADEQUATE ? CheckOutcome.FAILED : CheckOutcome.PASSED;
        }
    }

    /** What a visit found in one area. */
    public record Finding(Area area, Rating rating, String finding) {}

    private QualityAssurance() {}

    /** The next visit is due one interval (by risk) after the last. */
    public static LocalDate nextDue(LocalDate visitedOn, Risk risk) {
        return visitedOn.plus(risk.interval);
    }

    /** Every area is reported on, once. */
    public static List<Area> missingAreas(List<Finding> findings) {
        return java.util.Arrays.stream(Area.values())
                .filter(a -> findings.stream().noneMatch(f -> f.area() == a))
                .toList();
    }
}
