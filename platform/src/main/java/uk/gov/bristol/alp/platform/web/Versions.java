package uk.gov.bristol.alp.platform.web;

import jakarta.ws.rs.core.EntityTag;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/** Optimistic concurrency over HTTP: an ETag from the row version, If-Match checked before a change. */
public final class Versions {
    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For replacing updates: the client must say which version it read (428 without, 412 when stale). */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_REQUIRED, "send If-Match with the ETag of the version you read");
        }
        checkIfMatch(ifMatch, currentVersion);
    }

    /** A missing If-Match is accepted (first-party calls); a present one must name the current version. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return;
        }
        String presented = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!presented.equals(Long.toString(currentVersion))) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "If-Match " + ifMatch + " does not match the current version \"" + currentVersion + "\"");
        }
    }
}
