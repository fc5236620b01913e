package uk.gov.bristol.alp.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import uk.gov.bristol.alp.platform.web.Correlation;

/** Builds problem responses, filling in the request id and the instance path. */
@ApplicationScoped
public class ProblemResponses {
    private final Correlation correlation;

    public ProblemResponses(Correlation correlation) {
        this.correlation = correlation;
    }

    public Response of(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return of(type, type.status(), detail, errors, uri);
    }

    public Response of(ProblemType type, int status, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem problem = new Problem(
                type.uri(),
                type.title(),
                status,
                detail,
                instance,
                correlation.current(),
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(Correlation.HEADER, correlation.current())
                .entity(problem)
                .build();
    }
}
