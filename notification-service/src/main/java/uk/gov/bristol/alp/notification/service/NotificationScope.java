package uk.gov.bristol.alp.notification.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.bristol.alp.notification.domain.Audience;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Whose notifications and recipients a caller may see and manage: the Hub, operators and auditors every audience
 * (auditors read only); a school its own; a provider its own; finance officers the finance approvers' inbox;
 * registry officers the registry team's; SEND officers the SEND team's.
 */
public record NotificationScope(boolean everything, boolean readOnly, List<Owner> owners) {

    /** One audience and key a caller owns. */
    public record Owner(Audience audience, String key) {}

    public static NotificationScope of(Caller caller) {
        if (caller.hasRole(Roles.HUB_OFFICER) || caller.hasRole(Roles.OPERATOR)) {
            return new NotificationScope(true, false, List.of());
        }
        if (caller.hasRole(Roles.AUDITOR)) {
            return new NotificationScope(true, true, List.of());
        }
        List<Owner> owners = new ArrayList<>();
        if (caller.hasRole(Roles.SCHOOL_STAFF)) {
            caller.schoolUrn().ifPresent(urn -> owners.add(new Owner(Audience.SCHOOL, urn)));
        }
        if (caller.hasRole(Roles.PROVIDER_STAFF)) {
            caller.providerId().ifPresent(id -> owners.add(new Owner(Audience.PROVIDER, id)));
        }
        if (caller.hasRole(Roles.FINANCE_OFFICER)) {
            owners.add(new Owner(Audience.FINANCE_APPROVERS, ""));
        }
        if (caller.hasRole(Roles.REGISTRY_OFFICER)) {
            owners.add(new Owner(Audience.REGISTRY_TEAM, ""));
        }
        if (caller.hasRole(Roles.SEND_OFFICER)) {
            owners.add(new Owner(Audience.SEND_TEAM, ""));
        }
        return new NotificationScope(false, false, List.copyOf(owners));
    }

    /** May the caller change what belongs to this audience and key (its recipient, a resend)? */
    public boolean mayManage(Audience audience, String key) {
        return !readOnly && covers(audience, key);
    }

    public boolean covers(Audience audience, String key) {
        return everything || owners.contains(new Owner(audience, key == null ? "" : key));
    }

    /**
     * A JPQL condition limiting rows (with fields {@code audience} and the given key field) to this scope, or empty
     * when the caller sees everything. Values are bound as {@code :scopeAudienceN} and {@code :scopeKeyN}.
     */
    public Optional<String> condition(String keyField) {
        if (everything) {
            return Optional.empty();
        }
        if (owners.isEmpty()) {
            return Optional.of("1 = 0");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            parts.add("(audience = :scopeAudience" + i + " and " + keyField + " = :scopeKey" + i + ")");
        }
        return Optional.of(String.join(" or ", parts));
    }

    public Map<String, Object> parameters() {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            values.put("scopeAudience" + i, owners.get(i).audience());
            values.put("scopeKey" + i, owners.get(i).key());
        }
        return values;
    }
}
