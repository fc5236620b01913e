package uk.gov.bristol.alp.testing.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo data through the gateway, as the demo users would: three providers (one approved on
 * the framework, one still applying, one suspended), and a pupil at school A. Links provider.a's
 * account to the approved provider through Keycloak's admin API.
 */
public final class DemoData {
    private static final List<String> MANDATORY_CHECKS = List.of(
            "DBS_AND_STAFF_TRAINING",
            "INSURANCE",
            "HEALTH_AND_SAFETY_RISK_ASSESSMENT",
            "SAFEGUARDING_POLICY_AND_PRACTICE",
            "ATTENDANCE_AND_ENGAGEMENT",
            "FINANCIAL_VIABILITY");

    public record Loaded(
            String approvedProviderId, String applyingProviderId, String suspendedProviderId, String pupilId) {}

    private DemoData() {}

    public static Loaded load(Stack stack) {
        String api = stack.gatewayUrl() + "/api/v1";
        String registry = stack.tokens().user("registry.officer");
        LocalDate today = LocalDate.now();

        String approved = provider(api, registry, "Avon Valley Learning Centre", "10012345", "UNREGISTERED");
        String applying = provider(api, registry, "Harbourside Tuition", "10023456", "UNREGISTERED");
        String suspended =
                provider(api, registry, "Clifton Outdoor Education", "10034567", "REGISTERED_INDEPENDENT_SCHOOL");
        for (String id : List.of(approved, suspended)) {
            for (String kind : MANDATORY_CHECKS) {
                expect(
                        Http.post(
                                api + "/providers/" + id + "/checks",
                                registry,
                                Map.of(
                                        "kind",
                                        kind,
                                        "outcome",
                                        "PASSED",
                                        "checkedOn",
                                        today.minusMonths(2).toString(),
                                        "expiresOn",
                                        today.plusYears(1).toString(),
                                        "evidenceReference",
                                        "DEMO-" + kind)),
                        201);
            }
            expect(
                    Http.post(
                            api + "/providers/" + id + "/approve",
                            registry,
                            Map.of("reason", "All mandatory checks passed (demo data)")),
                    200);
        }
        expect(
                Http.post(
                        api + "/providers/" + suspended + "/suspend",
                        registry,
                        Map.of("reason", "Safeguarding concern under investigation (demo data)")),
                200);

        linkProviderStaff(stack, approved);
        linkProviderSystem(stack, approved);

        String schoolA = stack.tokens().user("school.a");
        String pupil = expect(
                        Http.post(
                                api + "/pupils",
                                schoolA,
                                Map.of(
                                        "upn",
                                        "B801200005001",
                                        "firstName",
                                        "Jordan",
                                        "lastName",
                                        "Reed",
                                        "dateOfBirth",
                                        "2012-09-14",
                                        "schoolUrn",
                                        "100001",
                                        "senProvision",
                                        "K",
                                        "sex",
                                        "M",
                                        "ethnicity",
                                        "MWBC")),
                        201)
                .text("id");
        registerInboxes(api, stack, approved);
        return new Loaded(approved, applying, suspended, pupil);
    }

    private static String provider(String api, String token, String name, String ukprn, String registration) {
        Map<String, Object> details = Map.ofEntries(
                Map.entry(
                        "description", name + ": small-group provision for pupils who cannot attend school full time"),
                Map.entry("specialisms", List.of("SEMH", "OUTDOOR")),
                Map.entry("keyStages", List.of("KS3", "KS4")),
                Map.entry("minAge", 11),
                Map.entry("maxAge", 16),
                Map.entry("capacity", 24),
                Map.entry("responseTimescaleDays", 5),
                Map.entry("careersAdvice", true),
                Map.entry(
                        "sites",
                        List.of(Map.of(
                                "name",
                                name + " (main site)",
                                "addressLine",
                                "1 Demo Street",
                                "town",
                                "Bristol",
                                "postcode",
                                "BS5 6XX"))),
                Map.entry(
                        "contacts",
                        List.of(Map.of(
                                "name",
                                "Enquiries",
                                "role",
                                "Admissions",
                                "email",
                                "enquiries@alp-demo.invalid",
                                "isPublic",
                                true))),
                Map.entry("rates", List.of(Map.of("unit", "HOUR", "amount", "42.50", "validFrom", "2026-04-01"))));
        return expect(
                        Http.post(
                                api + "/providers",
                                token,
                                Map.of(
                                        "name",
                                        name,
                                        "ukprn",
                                        ukprn,
                                        "registrationStatus",
                                        registration,
                                        "leadAuthority",
                                        "bristol",
                                        "details",
                                        details)),
                        201)
                .text("id");
    }

    /** Sets provider.a's provider_id to a provider, so the provider-staff scope has a real target. */
    /** Who is told: the Hub's duty inbox, the teams', the demo schools' and the approved provider's (all immediate). */
    private static void registerInboxes(String api, Stack stack, String approvedProvider) {
        String hub = stack.tokens().user("hub.officer");
        Map<String, String> inboxes = new LinkedHashMap<>();
        inboxes.put("HUB_DUTY/", "alp-hub-duty@bristol.example");
        inboxes.put("REGISTRY_TEAM/", "alp-registry@bristol.example");
        inboxes.put("FINANCE_APPROVERS/", "alp-finance@bristol.example");
        inboxes.put("SEND_TEAM/", "send-team@bristol.example");
        inboxes.put("SCHOOL/100001", "dsl@school-a.example");
        inboxes.put("SCHOOL/100002", "dsl@school-b.example");
        inboxes.put("PROVIDER/" + approvedProvider, "office@avon-valley.example");
        inboxes.forEach((audienceAndKey, email) -> {
            String[] parts = audienceAndKey.split("/", -1);
            Map<String, Object> body =
                    new LinkedHashMap<>(Map.of("audience", parts[0], "email", email, "preference", "IMMEDIATE"));
            if (!parts[1].isEmpty()) {
                body.put("key", parts[1]);
            }
            expect(Http.put(api + "/notification-recipients", hub, body), 200);
        });
    }

    public static void linkProviderStaff(Stack stack, String providerId) {
        link(stack, "provider.a", providerId);
    }

    /** The demo provider system (machine client {@code provider-system-demo}) now works for this provider. */
    public static void linkProviderSystem(Stack stack, String providerId) {
        link(stack, "service-account-provider-system-demo", providerId);
    }

    /** Sets the provider a Keycloak user (a person, or a machine client's service account) works for. */
    private static void link(Stack stack, String username, String providerId) {
        String kc = stack.keycloak().url();
        String admin = stack.keycloak().adminToken();
        JsonNode users = Http.get(kc + "/admin/realms/alp/users?exact=true&username=" + username, admin)
                .body();
        ObjectNode user = (ObjectNode) users.get(0);
        ((ObjectNode) user.with("attributes"))
                .set("provider_id", Http.JSON.createArrayNode().add(providerId));
        expect(Http.put(kc + "/admin/realms/alp/users/" + user.path("id").asText(), admin, user), 204);
    }

    private static Http.Answer expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(
                    "demo data: expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
