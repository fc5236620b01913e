package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Who sees how much of a provider's record (docs/access-matrix.md). Those who commission, fund, check or
 * audit providers see everything: checks and their notes, evidence, private contacts, rates and status
 * reasons. A provider sees all of its own record. Everyone else with a token (schools, other providers,
 * panel members) sees the public view: what the Open Referral directory publishes, plus framework status.
 */
@RequestScoped
public class ProviderAudience {
    private static final Set<String> FULL_RECORD = Set.of(
            Roles.REGISTRY_OFFICER,
            Roles.PARTNER_AUTHORITY,
            Roles.HUB_OFFICER,
            Roles.SEND_OFFICER,
            Roles.FINANCE_OFFICER,
            Roles.AUDITOR);

    private final Caller caller;

    public ProviderAudience(Caller caller) {
        this.caller = caller;
    }

    public boolean seesFullRecord(UUID providerId) {
        return FULL_RECORD.stream().anyMatch(caller::hasRole) || caller.actsForProvider(providerId.toString());
    }
}
