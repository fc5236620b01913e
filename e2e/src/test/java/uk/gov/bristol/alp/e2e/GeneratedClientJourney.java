package uk.gov.bristol.alp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.client.registry.ApiClient;
import uk.gov.bristol.alp.client.registry.ApiException;
import uk.gov.bristol.alp.client.registry.api.PartnerPushApi;
import uk.gov.bristol.alp.client.registry.api.ProvidersApi;
import uk.gov.bristol.alp.client.registry.model.Authority;
import uk.gov.bristol.alp.client.registry.model.ChangesView;
import uk.gov.bristol.alp.client.registry.model.CheckKind;
import uk.gov.bristol.alp.client.registry.model.CheckOutcome;
import uk.gov.bristol.alp.client.registry.model.ProviderView;
import uk.gov.bristol.alp.client.registry.model.RecordCheck;
import uk.gov.bristol.alp.client.registry.model.RegisterProvider;
import uk.gov.bristol.alp.client.registry.model.RegistrationStatus;
import uk.gov.bristol.alp.client.registry.model.StatusChange;
import uk.gov.bristol.alp.client.registry.model.Subscribe;
import uk.gov.bristol.alp.client.registry.model.SubscriptionView;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.stack.KeycloakTokens;

/**
 * A journey driven only through the Java client generated from the registry's published OpenAPI document (module
 * api-clients), as an integrator would write it: so a change to the API that breaks generated clients breaks the
 * build. The registry team approves a provider; a partner authority's system (client credentials) follows the change
 * feed until it sees the approval, and subscribes to push, refused first for a plain HTTP callback.
 */
final class GeneratedClientJourney {
    private static final List<CheckKind> MANDATORY = List.of(
            CheckKind.DBS_AND_STAFF_TRAINING,
            CheckKind.INSURANCE,
            CheckKind.HEALTH_AND_SAFETY_RISK_ASSESSMENT,
            CheckKind.SAFEGUARDING_POLICY_AND_PRACTICE,
            CheckKind.ATTENDANCE_AND_ENGAGEMENT,
            CheckKind.FINANCIAL_VIABILITY);

    private GeneratedClientJourney() {}

    private static ApiClient client(String gatewayUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gatewayUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    static void run(String gatewayUrl, KeycloakTokens tokens, String ukprn) throws ApiException {
        LocalDate today = LocalDate.now();
        ProvidersApi registry = new ProvidersApi(client(gatewayUrl, tokens.user("registry.officer")));
        ProviderView registered = registry.providerRegister(new RegisterProvider()
                .name("Generated Client Learning " + ukprn)
                .ukprn(ukprn)
                .registrationStatus(RegistrationStatus.UNREGISTERED)
                .leadAuthority(Authority.BRISTOL));
        UUID id = registered.getId();
        assertEquals("APPLIED", registered.getFrameworkStatus());
        for (CheckKind kind : MANDATORY) {
            registry.providerRecordCheck(
                    id,
                    new RecordCheck()
                            .kind(kind)
                            .outcome(CheckOutcome.PASSED)
                            .checkedOn(today.minusDays(3))
                            .expiresOn(today.plusYears(1)));
        }
        assertEquals(
                "APPROVED",
                registry.providerApprove(id, new StatusChange(), null).getFrameworkStatus());

        ApiClient partner = client(gatewayUrl, tokens.partner("south-gloucestershire"));
        ProvidersApi feed = new ProvidersApi(partner);
        Ports.await("the approval on the partner's change feed", Duration.ofSeconds(30), () -> {
            try {
                String cursor = null;
                for (int pages = 0; pages < 100; pages++) {
                    ChangesView page = feed.providerChanges(cursor, 500);
                    if (page.getItems().stream()
                            .anyMatch(p -> id.equals(p.getId()) && "APPROVED".equals(p.getFrameworkStatus()))) {
                        return true;
                    }
                    if (!Boolean.TRUE.equals(page.getMore())) {
                        return false;
                    }
                    cursor = page.getNext();
                }
                return false;
            } catch (ApiException e) {
                throw new IllegalStateException(e);
            }
        });

        PartnerPushApi push = new PartnerPushApi(partner);
        ApiException refused = assertThrows(
                ApiException.class,
                () -> push.webhookSubscriptionSubscribe(
                        new Subscribe().callbackUrl("http://partner.example.org/hook")));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"callbackUrl\""), refused.getResponseBody());

        SubscriptionView made = push.webhookSubscriptionSubscribe(new Subscribe()
                .callbackUrl("https://partner.example.org/alp-hook")
                .description("e2e"));
        assertTrue(made.getSecret().startsWith("whsec_"));
        assertEquals("south-gloucestershire", made.getAuthority());
        SubscriptionView read = push.webhookSubscriptionRead(made.getId());
        assertNull(read.getSecret(), "the secret is shown once");
        push.webhookSubscriptionUnsubscribe(made.getId());
        ApiException gone = assertThrows(ApiException.class, () -> push.webhookSubscriptionRead(made.getId()));
        assertEquals(404, gone.getCode());
    }
}
