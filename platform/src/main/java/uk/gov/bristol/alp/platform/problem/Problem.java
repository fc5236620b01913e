package uk.gov.bristol.alp.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/** An RFC 9457 problem document, with the request id and the fields that broke a rule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type, String title, int status, String detail, String instance, String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: its JSON path, the rule it broke, and a sentence for people. */
    public record FieldError(String field, String rule, String message) {}
}
