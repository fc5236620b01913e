package uk.gov.bristol.alp.placement.domain;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * How a pupil leaves ALP (docs/domain-rules.md): back to school or into a new setting, phased where the pupil has been
 * out of school, the provider's strategies shared with the school, "keep in touch" contacts at key points, and the
 * day it was shared with the family so "the child and family know what to expect and when".
 */
public record TransitionPlan(
        Destination destination,
        @Size(max = 500) String destinationDetail,
        boolean phasedReturn,
        @Size(max = 10_000) String plan,
        @Size(max = 10_000) String strategiesShared,
        @Size(max = 50) List<LocalDate> keepInTouchDates,
        LocalDate sharedWithFamilyOn) {
    /** Where the pupil goes next; the first two are a return to mainstream. */
    public enum Destination {
        /** Back to the same school. */
        RETURN_TO_SCHOOL,
        /** Another mainstream school. */
        NEW_SCHOOL,
        /** A special school or other specialist setting. */
        SPECIALIST_SETTING,
        /** College, training or an apprenticeship. */
        POST_16,
        /** Not in education, employment or training. */
        NEET,
        OTHER;

        public boolean mainstream() {
            return this == RETURN_TO_SCHOOL || this == NEW_SCHOOL;
        }
    }
}
