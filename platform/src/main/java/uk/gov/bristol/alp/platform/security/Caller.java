package uk.gov.bristol.alp.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/**
 * Who is calling and what they may see. Roles say what a caller may do; the scope claims say whose
 * records: a school only its own pupils ({@code school_urn}), a provider only its own placements
 * ({@code provider_id}), a partner authority only the registry ({@code authority}).
 */
@RequestScoped
public class Caller {
    /** Authority-wide roles: they see every school's records (the auditor read-only). */
    private static final Set<String> AUTHORITY_WIDE =
            Set.of(Roles.HUB_OFFICER, Roles.SEND_OFFICER, Roles.PANEL_CHAIR, Roles.AUDITOR);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAuthorityWide() {
        return AUTHORITY_WIDE.stream().anyMatch(identity::hasRole);
    }

    public Optional<String> schoolUrn() {
        return claim(Roles.CLAIM_SCHOOL_URN);
    }

    public Optional<String> providerId() {
        return claim(Roles.CLAIM_PROVIDER_ID);
    }

    public Optional<String> authority() {
        return claim(Roles.CLAIM_AUTHORITY);
    }

    /** May this caller see records of the school with this URN? */
    public boolean canSeeSchool(String urn) {
        return isAuthorityWide()
                || (hasRole(Roles.SCHOOL_STAFF) && schoolUrn().map(urn::equals).orElse(false));
    }

    /** May this caller see records of this provider's placements? */
    public boolean canSeeProvider(String providerId) {
        return isAuthorityWide() || actsForProvider(providerId);
    }

    /** Is this caller the provider's own staff (or its system): provider staff whose token carries this provider? */
    public boolean actsForProvider(String providerId) {
        return hasRole(Roles.PROVIDER_STAFF)
                && providerId().map(providerId::equals).orElse(false);
    }

    /**
     * A school member acting for a school: must carry that school's URN. Callers outside scope get the
     * same answer as for a record that does not exist, so ids cannot be probed.
     */
    public void requireSchool(String urn, String what, Object id) {
        if (!canSeeSchool(urn)) {
            throw ProblemException.notFound(what, id);
        }
    }

    /**
     * A write on behalf of a school: school staff may act only for the school in their token; authority
     * staff for any. The refusal names the request field that carried the URN.
     */
    public void requireActingFor(String schoolUrn, String field) {
        if (hasRole(Roles.SCHOOL_STAFF) && !isAuthorityWide() && !schoolUrn.equals(ownSchoolUrn())) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "a school may act only for pupils on its own roll",
                    List.of(new Problem.FieldError(field, "ownSchool", "must be your school's URN")));
        }
    }

    /** The URN a school-staff caller acts for; refused if the token carries none. */
    public String ownSchoolUrn() {
        return schoolUrn()
                .orElseThrow(() -> new ProblemException(
                        ProblemType.FORBIDDEN, "your account is not linked to a school (no school_urn claim)"));
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
