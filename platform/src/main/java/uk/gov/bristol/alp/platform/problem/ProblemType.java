package uk.gov.bristol.alp.platform.problem;

import java.net.URI;

/**
 * A kind of problem: a stable URI a client can switch on, a title and an HTTP status. Services declare
 * their own domain-rule types with {@link #rule(String, String, int)}.
 */
public record ProblemType(URI uri, String title, int status) {
    public static final String BASE = "https://alp.bristol.gov.uk/problems/";

    public static final ProblemType VALIDATION = of("validation", "The request is not valid", 400);
    public static final ProblemType MALFORMED = of("malformed-request", "The request body cannot be read", 400);
    public static final ProblemType UNAUTHENTICATED = of("unauthenticated", "Authentication is required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "You may not do this", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType CONFLICT = of("conflict", "Conflict with the current state", 409);
    public static final ProblemType STALE_VERSION =
            of("stale-version", "The resource has changed since you read it", 412);
    public static final ProblemType PRECONDITION_REQUIRED =
            of("precondition-required", "This update needs an If-Match header", 428);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            of("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType INTERNAL = of("internal-error", "Something went wrong on our side", 500);

    public static ProblemType rule(String slug, String title, int status) {
        return of("rules/" + slug, title, status);
    }

    private static ProblemType of(String slug, String title, int status) {
        return new ProblemType(URI.create(BASE + slug), title, status);
    }
}
