package uk.gov.bristol.alp.placement.service;

import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * The one rule for lists of placement records (placements, safeguarding concerns): authority staff see all, a school
 * its own ({@code schoolUrn}), a provider its own ({@code providerId}); any other caller is refused.
 */
final class CallerScope {
    private CallerScope() {}

    static Criteria restrict(Criteria criteria, Caller caller) {
        return restrict(criteria, caller, "schoolUrn = :ownSchool");
    }

    /**
     * As above, for records that reach their school through another entity: {@code ownSchoolCondition} says how,
     * with the parameter {@code :ownSchool}.
     */
    static Criteria restrict(Criteria criteria, Caller caller, String ownSchoolCondition) {
        if (caller.isAuthorityWide()) {
            return criteria;
        }
        if (caller.hasRole(Roles.SCHOOL_STAFF)) {
            return criteria.always(ownSchoolCondition, Map.of("ownSchool", caller.ownSchoolUrn()));
        }
        if (caller.hasRole(Roles.PROVIDER_STAFF) && caller.providerId().isPresent()) {
            return criteria.always(
                    "providerId = :ownProvider",
                    Map.of("ownProvider", UUID.fromString(caller.providerId().get())));
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "your role does not give access to placements");
    }
}
