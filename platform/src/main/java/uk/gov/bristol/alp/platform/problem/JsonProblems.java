package uk.gov.bristol.alp.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a caller got wrong in a JSON body, in the caller's terms: the field as written in the body
 * ({@code timetable[0].start}) and what it must be. Never a Java type or package name, never the value sent back
 * (it may be a pupil's details).
 */
final class JsonProblems {

    record Readout(ProblemType type, String detail, List<Problem.FieldError> errors) {}

    private JsonProblems() {}

    static Readout of(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new Readout(
                    ProblemType.MALFORMED, "the body is nested too deeply or a value in it is too long", List.of());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            JsonLocation at = e.getLocation();
            return new Readout(
                    ProblemType.MALFORMED,
                    at == null
                            ? "the body is not valid JSON"
                            : "the body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr()
                                    + ")",
                    List.of());
        }
        String field = path(mapping);
        if (e instanceof UnrecognizedPropertyException) {
            return field(ProblemType.MALFORMED, field, "unknownField", "is not a field of this request");
        }
        if (e instanceof InvalidFormatException invalid) {
            return field(ProblemType.VALIDATION, field, "format", "must be " + expected(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return field.isEmpty()
                    ? new Readout(
                            ProblemType.MALFORMED, "the body must be " + expected(mismatch.getTargetType()), List.of())
                    : field(ProblemType.MALFORMED, field, "type", "must be " + expected(mismatch.getTargetType()));
        }
        // A value our own types refused while being built (a record's constructor): its message is for the caller.
        Throwable cause = e.getCause();
        String reason = cause != null && !(cause instanceof JsonProcessingException) && cause.getMessage() != null
                ? cause.getMessage()
                : "cannot be read";
        return field.isEmpty()
                ? new Readout(ProblemType.MALFORMED, "the body " + reason, List.of())
                : field(ProblemType.MALFORMED, field, "type", reason);
    }

    private static Readout field(ProblemType type, String field, String rule, String message) {
        String name = field.isEmpty() ? "body" : field;
        return new Readout(type, name + ": " + message, List.of(new Problem.FieldError(name, rule, message)));
    }

    /** What a value of the type looks like in JSON, in words a caller understands. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date as text, YYYY-MM-DD";
        }
        if (type == LocalTime.class) {
            return "a time as text, HH:MM";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time as ISO 8601 text with its offset";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
