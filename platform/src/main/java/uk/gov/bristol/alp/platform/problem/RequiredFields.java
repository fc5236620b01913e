package uk.gov.bristol.alp.platform.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every missing field of a record that may be saved incomplete (a draft) but must be complete for a
 * step (a submission, a decision), so one problem answer names them all.
 */
public final class RequiredFields {
    private final List<Problem.FieldError> missing = new ArrayList<>();

    /** Missing when null, or a blank string. */
    public RequiredFields require(Object value, String field, String message) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            missing.add(new Problem.FieldError(field, "required", message));
        }
        return this;
    }

    /** Adds an error found by another rule (an order of dates, an empty list) among the missing ones. */
    public RequiredFields add(String field, String rule, String message) {
        missing.add(new Problem.FieldError(field, rule, message));
        return this;
    }

    public List<Problem.FieldError> errors() {
        return List.copyOf(missing);
    }

    /** Throws a problem of the given type naming every error, if there is any. */
    public void throwIfAny(ProblemType type, String detail) {
        if (!missing.isEmpty()) {
            throw new ProblemException(type, detail, errors());
        }
    }
}
