package uk.gov.bristol.alp.platform.web;

import jakarta.ws.rs.core.EntityTag;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/** Optimistic concurrency over HTTP: an ETag from the row version, If-Match checked before a change. */
public final class Versions {
    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A missing If-Match is accepted (first-party calls); a present one must name the current version. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return;
        }
        String presented = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!presented.equals(Long.toString(currentVersion))) {
            throw new ProblemException(ProblemType.STALE_VERSION,
                    "If-Match " + ifMatch + " does not match the current version \"" + currentVersion + "\"");
        }
    }
}
