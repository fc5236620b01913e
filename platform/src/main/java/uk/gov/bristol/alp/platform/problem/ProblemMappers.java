package uk.gov.bristol.alp.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves a service as application/problem+json; nothing leaks a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses problems;

    public ProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return problems.of(e.type(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldOf(v), ruleOf(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problems.of(ProblemType.VALIDATION, detail, errors, uri);
    }

    /**
     * A body Jackson could not read: malformed JSON, nesting or lengths past the limits, a value of the wrong type,
     * an unknown field. Each Jackson exception is named so these win over Quarkus's own mappers, which answer with
     * an empty or plain JSON body.
     */
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        StreamConstraintsException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class
    })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        JsonProblems.Readout readout = JsonProblems.of(e);
        return problems.of(readout.type(), readout.detail(), readout.errors(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert (a date, a UUID, an enum) with 404.
            return problems.of(
                    ProblemType.VALIDATION,
                    "a query or path parameter cannot be read: " + e.getCause().getMessage(),
                    List.of(),
                    uri);
        }
        return problems.of(ProblemType.NOT_FOUND, "no resource at this path", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return problems.of(ProblemType.METHOD_NOT_ALLOWED, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send application/json", List.of(), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problems.of(
                        ProblemType.UNAUTHENTICATED,
                        "send a valid bearer token from the ALP identity provider",
                        List.of(),
                        uri))
                .header("WWW-Authenticate", "Bearer realm=\"alp\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.of(ProblemType.FORBIDDEN, "your role does not allow this", List.of(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return problems.of(ProblemType.STALE_VERSION, "read the resource again and retry", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps unreadable bodies in a 400: answer with the field Jackson could not read.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = status >= 500
                ? ProblemType.INTERNAL
                : status == 401
                        ? ProblemType.UNAUTHENTICATED
                        : status == 403
                                ? ProblemType.FORBIDDEN
                                : status == 404 ? ProblemType.NOT_FOUND : ProblemType.VALIDATION;
        return problems.of(type, status, e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Optional<String> duplicate = uniqueViolation(e);
        if (duplicate.isPresent()) {
            // Two requests created the same thing at once; the database kept one. The message of the cause holds
            // the duplicate values (a UPN, say), so only the constraint's name is logged.
            LOG.infof("refused a duplicate: unique constraint %s", duplicate.get());
            return problems.of(
                    ProblemType.CONFLICT,
                    "a record with the same identifying values already exists; read it and retry if needed",
                    List.of(),
                    uri);
        }
        Optional<SQLException> sql = Causes.first(e, SQLException.class);
        if (sql.isPresent()) {
            // A database error's text can quote the values of the row (a pupil's UPN, say): log its state, not its
            // text.
            LOG.errorf(
                    "unexpected database error: SQL state %s in %s",
                    sql.get().getSQLState(), e.getClass().getName());
        } else {
            LOG.error("unexpected error", e);
        }
        return problems.of(ProblemType.INTERNAL, "the error was logged with this request id", List.of(), uri);
    }

    /** The unique constraint a write broke (SQL state 23505), wherever the transaction wrapped it. */
    static Optional<String> uniqueViolation(Throwable e) {
        return Causes.first(e, org.hibernate.exception.ConstraintViolationException.class)
                .filter(c -> "23505".equals(c.getSQLState()))
                .map(c -> c.getConstraintName() == null ? "unnamed" : c.getConstraintName());
    }

    /**
     * The field as a client knows it: a query or path parameter by its name, a body field by its path
     * inside the body ("pupil.upn"), never the Java method or argument names.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> parameters = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameters.add(node.getName());
                case PROPERTY, CONTAINER_ELEMENT ->
                    properties.add((node.getIndex() != null ? "[" + node.getIndex() + "]." : "") + node.getName());
                default -> {}
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties).replace(".[", "[").replace("].", "].");
        }
        return parameters.isEmpty() ? v.getPropertyPath().toString() : parameters.get(parameters.size() - 1);
    }

    private static String ruleOf(ConstraintViolation<?> v) {
        String annotation =
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
    }
}
