package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.RequestScoped;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.config.RegistryConfig;
import uk.gov.bristol.alp.registry.domain.Authority;

/** The authority a caller acts for: a partner's from its token, everyone else's is this registry's home authority. */
@RequestScoped
public class ActingAuthority {
    private final Caller caller;
    private final Authority home;

    public ActingAuthority(Caller caller, RegistryConfig config) {
        this.caller = caller;
        this.home = Authority.fromCode(config.homeAuthority());
    }

    public Authority current() {
        return caller.hasRole(Roles.PARTNER_AUTHORITY)
                ? caller.authority()
                        .map(Authority::fromCode)
                        .orElseThrow(() ->
                                new ProblemException(ProblemType.FORBIDDEN, "partner token carries no authority claim"))
                : home;
    }

    public Authority home() {
        return home;
    }
}
