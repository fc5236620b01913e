package uk.gov.bristol.alp.placement.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * How a pupil leaves ALP (docs/domain-rules.md): back to school or into a new setting, phased where the pupil has been out
 * of school, the provider's strategies shared with the school, and "keep in touch" contacts at key points.
 */
public record TransitionPlan(
        Destination destination,
        String destinationDetail,
        boolean phasedReturn,
        String plan,
        String strategiesShared,
        List<LocalDate> keepInTouchDates) {
    public enum Destination {
        RETURN_TO_SCHOOL,
        NEW_SCHOOL,
        SPECIALIST_SETTING,
        POST_16,
        OTHER
    }
}
