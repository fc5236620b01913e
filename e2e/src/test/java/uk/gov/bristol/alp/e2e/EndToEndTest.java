package uk.gov.bristol.alp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.identifiers.Upn;
import uk.gov.bristol.alp.testing.OtlpReceiver;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.PrometheusText;
import uk.gov.bristol.alp.testing.SmtpServer;
import uk.gov.bristol.alp.testing.stack.DemoData;
import uk.gov.bristol.alp.testing.stack.KeycloakTokens;
import uk.gov.bristol.alp.testing.stack.Stack;

/**
 * The main journeys, through the gateway, with tokens from a real Keycloak, against the services as
 * built (their own JVMs), real PostgreSQL and a real Kafka broker.
 */
class EndToEndTest {
    private static final List<String> MANDATORY = List.of(
            "DBS_AND_STAFF_TRAINING",
            "INSURANCE",
            "HEALTH_AND_SAFETY_RISK_ASSESSMENT",
            "SAFEGUARDING_POLICY_AND_PRACTICE",
            "ATTENDANCE_AND_ENGAGEMENT",
            "FINANCIAL_VIABILITY");
    private static final LocalDate TODAY = LocalDate.now();
    private static int serial = 100;

    /** Every pupil's name, date of birth and UPN the journeys send: none may appear in any log line. */
    private static final Set<String> PERSONAL_DATA = ConcurrentHashMap.newKeySet();

    private static final String HUB_INBOX = "alp-hub-duty@bristol.test";

    private static Stack stack;
    private static KeycloakTokens tokens;
    private static String api;
    private static OtlpReceiver traces;

    @BeforeAll
    static void startTheSystem() {
        Path repo =
                Path.of(System.getProperty("alp.repo", "..")).toAbsolutePath().normalize();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "alp-platform", "keycloak-e2e");
        traces = new OtlpReceiver();
        // -Dalp.e2e.containers=true (./alp test-containers): the services and the gateway run as containers from the
        // Kubernetes manifests, on the standard ports, instead of JVMs of the jars on free ports.
        boolean containers = Boolean.getBoolean("alp.e2e.containers");
        stack = new Stack(
                        repo,
                        repo.resolve("e2e/target/stack"),
                        cache,
                        containers ? Stack.PortPlan.standard() : Stack.PortPlan.free())
                .withEnvironment(Map.of(
                        "ALP_OTLP_ENDPOINT", traces.endpoint(),
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                        "ALP_METRICS_SAMPLE_INTERVAL", "1s"));
        if (containers) {
            stack.withServicesFromManifests();
        }
        stack.start();
        tokens = stack.tokens();
        api = stack.gatewayUrl() + "/api/v1";
        System.out.printf("e2e: stack ready in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    void theGatewayPublishesEveryServicesApiAsOneDocumentThatLintsClean() throws Exception {
        MergedApiDocument.check(
                stack,
                Path.of(System.getProperty("alp.repo", "..")).toAbsolutePath().normalize());
    }

    @Test
    void theSwaggerUiLogsInThroughKeycloakWithPkce() throws Exception {
        SwaggerUiLogin.check(stack.gatewayUrl(), stack.keycloak().issuer());
    }

    @Test
    void aPartnersSystemBuiltOnTheGeneratedJavaClientFollowsTheRegisterAndSubscribesToPush() throws Exception {
        GeneratedClientJourney.run(stack.gatewayUrl(), tokens, String.format("1%07d", 3500000 + serial++));
    }

    @Test
    void aSchoolPlacesAPupilWithAnApprovedProviderAndFinanceCommitsItsCost() {
        String provider = approvedProvider();
        String school = tokens.user("school.a");
        String pupil = pupil(school);

        String placement = commissionOnceTheProviderIsKnown(school, pupil, provider)
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("hoursPerWeek", equalTo("10.00"))
                .extract()
                .path("id");

        String finance = tokens.user("finance.officer");
        // Priced by finance from the provider's registry rate (a school sets no rate), once that rate has reached it.
        Ports.await(
                "commitment for " + placement + " priced",
                Duration.ofSeconds(30),
                () -> "COMMITTED"
                        .equals(given().header("Authorization", "Bearer " + finance)
                                .get(api + "/finance/commitments?placementId=" + placement)
                                .then()
                                .extract()
                                .<String>path("items[0].status")));
        given().header("Authorization", "Bearer " + finance)
                .get(api + "/finance/commitments?placementId=" + placement)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].providerId", equalTo(provider))
                .body("items[0].rate", equalTo("38.00"))
                .body("items[0].rateSource", equalTo("REGISTRY"));

        // The pupil returns to school early: the school ends the placement with a transition plan, and finance
        // releases what was forecast after the last day.
        given().header("Authorization", "Bearer " + school)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "READY_EARLY",
                        "endDate",
                        TODAY.plusDays(27).toString(),
                        "reason",
                        "Ready to return early",
                        "transitionPlan",
                        Map.of(
                                "destination",
                                "RETURN_TO_SCHOOL",
                                "phasedReturn",
                                true,
                                "plan",
                                "Phased return over three weeks",
                                "strategiesShared",
                                "Regulation plan")))
                .post(api + "/placements/" + placement + "/end")
                .then()
                .statusCode(200)
                .body("status", equalTo("ENDED"));
        Ports.await(
                "the commitment released after the early end",
                Duration.ofSeconds(20),
                () -> "ENDED"
                        .equals(given().header("Authorization", "Bearer " + finance)
                                .get(api + "/finance/commitments?placementId=" + placement)
                                .then()
                                .extract()
                                .<String>path("items[0].status")));
        given().header("Authorization", "Bearer " + finance)
                .get(api + "/finance/commitments?placementId=" + placement)
                .then()
                .body("items[0].endDate", equalTo(TODAY.plusDays(27).toString()))
                .body("items[0].released", Matchers.not(equalTo("0.00")));
    }

    @Test
    void anUnapprovedOrSuspendedProviderIsRefusedAndNothingIsCreated() {
        String registry = tokens.user("registry.officer");
        String applying = register(registry);
        String suspended = approvedProvider();
        given().header("Authorization", "Bearer " + registry)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "safeguarding concern"))
                .post(api + "/providers/" + suspended + "/suspend")
                .then()
                .statusCode(200);
        String school = tokens.user("school.a");
        // The approval, then the suspension, reach the placement service by event. Waiting for the suspension
        // commissions for a new probe pupil each time (one pupil's placements may not clash) until the refusal
        // names it: a refusal while the approval is still on its way would not do. The pupil under test is only
        // used afterwards.
        Ports.await("suspension reaches the placement service", Duration.ofSeconds(20), () -> {
            Response probe = commission(school, pupil(school), suspended);
            return probe.statusCode() == 422
                    && probe.jsonPath().getString("detail").contains("SUSPENDED");
        });
        String pupil = pupil(school);
        commission(school, pupil, suspended)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-not-approved"));
        // A provider not yet approved only on the school's own checks, which this school has not recorded.
        commission(school, pupil, applying)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/school-checks-required"));
        given().header("Authorization", "Bearer " + school)
                .get(api + "/placements?pupilId=" + pupil)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void anotherSchoolSeesNothingAndNoTokenIs401AtTheGatewayAndTheService() {
        String schoolA = tokens.user("school.a");
        String pupil = pupil(schoolA);
        String placement = commissionOnceTheProviderIsKnown(schoolA, pupil, approvedProvider())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String schoolB = tokens.user("school.b");

        given().header("Authorization", "Bearer " + schoolB)
                .get(api + "/pupils/" + pupil)
                .then()
                .statusCode(404)
                .body("lastName", nullValue());
        given().header("Authorization", "Bearer " + schoolB)
                .get(api + "/placements/" + placement)
                .then()
                .statusCode(404)
                .body("pupilId", nullValue());
        given().get(api + "/placements/" + placement).then().statusCode(401).contentType("application/problem+json");
        given().get(stack.serviceUrl("placement") + "/api/v1/placements/" + placement)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + tokens.user("provider.a"))
                .get(api + "/placements/" + placement)
                .then()
                .statusCode(404);
    }

    @Test
    void aSchoolRaisesASafeguardingConcernThatTheHubSeesAtOnceAndAcknowledges() {
        String provider = approvedProvider();
        String school = tokens.user("school.a");
        String placement = commissionOnceTheProviderIsKnown(school, pupil(school), provider)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String concern = given().header("Authorization", "Bearer " + school)
                .contentType(ContentType.JSON)
                .body(Map.of("severity", "HIGH", "summary", "Pupil arrived with an injury they would not explain"))
                .post(api + "/placements/" + placement + "/safeguarding-concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String hub = tokens.user("hub.officer");
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements/attention?kind=SAFEGUARDING_CONCERN")
                .then()
                .statusCode(200)
                .body("occurrence", hasItem(concern));
        given().header("Authorization", "Bearer " + hub)
                .post(api + "/safeguarding-concerns/" + concern + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("hub.officer"));
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements/attention?kind=SAFEGUARDING_CONCERN")
                .then()
                .statusCode(200)
                .body("occurrence", not(hasItem(concern)));
        given().header("Authorization", "Bearer " + tokens.user("school.b"))
                .get(api + "/safeguarding-concerns/" + concern)
                .then()
                .statusCode(404);
    }

    @Test
    void aSchoolCommissionsAProviderOffTheFrameworkOnItsOwnChecksAndTheProvidersConcernReachesTheHub() {
        String registry = tokens.user("registry.officer");
        String provider = register(registry);
        String school = tokens.user("school.a");
        for (String kind : MANDATORY) {
            Map<String, String> check = Map.of(
                    "providerId",
                    provider,
                    "kind",
                    kind,
                    "evidenceReference",
                    "School A file " + kind,
                    "checkedOn",
                    TODAY.minusDays(5).toString(),
                    "expiresOn",
                    TODAY.plusYears(1).toString());
            // The provider reaches the placement service by event: until then it is not found.
            Ports.await(
                    "school check " + kind + " recorded",
                    Duration.ofSeconds(20),
                    () -> given().header("Authorization", "Bearer " + school)
                                    .contentType(ContentType.JSON)
                                    .body(check)
                                    .post(api + "/compliance/school-checks")
                                    .statusCode()
                            == 201);
        }
        String placement = commission(school, pupil(school), provider)
                .then()
                .statusCode(201)
                .body("offFramework", equalTo(true))
                .extract()
                .path("id");

        // Who is told: the Hub's duty inbox (registered by the Hub through the gateway).
        given().header("Authorization", "Bearer " + tokens.user("hub.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("audience", "HUB_DUTY", "email", HUB_INBOX, "preference", "IMMEDIATE"))
                .put(api + "/notification-recipients")
                .then()
                .statusCode(200);
        DemoData.linkProviderStaff(stack, provider);
        String concern = given().header("Authorization", "Bearer " + tokens.user("provider.a"))
                .contentType(ContentType.JSON)
                .body(Map.of("severity", "HIGH", "summary", "Pupil left the site without permission at 11:00"))
                .post(api + "/placements/" + placement + "/safeguarding-concerns")
                .then()
                .statusCode(201)
                .body("raisedByParty", equalTo("PROVIDER"))
                .extract()
                .path("id");

        String hub = tokens.user("hub.officer");
        // The Hub's duty inbox hears of it at once, by email, with nothing of what the concern says.
        String shortRef = placement.substring(0, 8);
        Ports.await(
                "the Hub's email about " + shortRef,
                Duration.ofSeconds(60),
                () -> stack.mailbox().receivedBy(HUB_INBOX).stream()
                        .anyMatch(m -> m.subject().contains(shortRef)));
        SmtpServer.Received email = stack.mailbox().receivedBy(HUB_INBOX).stream()
                .filter(m -> m.subject().contains(shortRef))
                .findFirst()
                .orElseThrow();
        assertTrue(email.subject().startsWith("URGENT"), email.subject());
        assertFalse(email.body().contains("left the site"), "what the concern says stays in ALP");
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/notifications?reference=" + placement + "&audience=HUB_DUTY")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].email", equalTo(HUB_INBOX));
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements?offFramework=true&providerId=" + provider)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(placement));
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements/" + placement + "/checks")
                .then()
                .statusCode(200)
                .body("framework.frameworkStatus", equalTo("APPLIED"))
                .body("school.size()", equalTo(MANDATORY.size()));
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements/attention?kind=SAFEGUARDING_CONCERN")
                .then()
                .statusCode(200)
                .body("occurrence", hasItem(concern));
        given().header("Authorization", "Bearer " + hub)
                .post(api + "/safeguarding-concerns/" + concern + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void aPartnerAuthorityReadsTheFrameworkButNoPupils() {
        String partner = tokens.partner("north-somerset");
        given().header("Authorization", "Bearer " + partner)
                .get(api + "/providers")
                .then()
                .statusCode(200);
        String provider = register(tokens.user("registry.officer"));
        given().header("Authorization", "Bearer " + partner)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "INSURANCE", "outcome", "PASSED", "checkedOn", TODAY.toString()))
                .post(api + "/providers/" + provider + "/checks")
                .then()
                .statusCode(201)
                .body("authority", equalTo("north-somerset"));
        given().header("Authorization", "Bearer " + partner)
                .get(api + "/placements")
                .then()
                .statusCode(403);
    }

    @Test
    void aReferralGoesToAMeetingWhoseDecisionBecomesAProposedPlacement() {
        String hub = tokens.user("hub.officer");
        String decision = proposedByThePanel().decision();
        given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements?decisionId=" + decision)
                .then()
                .body("items[0].status", equalTo("PROPOSED"))
                .body("items[0].route", equalTo("PANEL_DECISION"))
                .body("items[0].schoolUrn", equalTo("100001"));
        given().header("Authorization", "Bearer " + hub)
                .queryParam("from", TODAY.toString())
                .queryParam("to", TODAY.toString())
                .get(api + "/panel-reports/referrals")
                .then()
                .statusCode(200)
                .body("byOutcome.APPROVE_PLACEMENT", Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void theProviderAcceptsTheHubsOfferAttachesItsRiskAssessmentAndThePlacementsEndShowsOnItsScorecard() {
        PanelProposal proposal = proposedByThePanel();
        String hub = tokens.user("hub.officer");
        String placement = api + "/placements/" + proposal.placement();
        String provider = given().header("Authorization", "Bearer " + hub)
                .get(placement)
                .then()
                .statusCode(200)
                .extract()
                .path("providerId");
        DemoData.linkProviderStaff(stack, provider);
        String providerStaff = tokens.user("provider.a");
        given().header("Authorization", "Bearer " + providerStaff)
                .get(api + "/placement-offers?answer=AWAITING")
                .then()
                .statusCode(200)
                .body("items.placementId", hasItem(proposal.placement()));
        given().header("Authorization", "Bearer " + hub)
                .post(placement + "/confirm")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/offer-not-accepted"));
        given().header("Authorization", "Bearer " + providerStaff)
                .contentType(ContentType.JSON)
                .body(Map.of("startDate", TODAY.toString(), "note", "Key worker assigned"))
                .post(placement + "/offers/accept")
                .then()
                .statusCode(200)
                .body("startDate", equalTo(TODAY.toString()));
        for (String step : List.of("/confirm", "/start")) {
            given().header("Authorization", "Bearer " + hub)
                    .post(placement + step)
                    .then()
                    .statusCode(200);
        }
        // The provider attaches its risk assessment; the school reads exactly those bytes.
        byte[] riskAssessment = ("%PDF-1.4\n% Risk assessment: travel, transitions, triggers\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String document = given().header("Authorization", "Bearer " + providerStaff)
                .multiPart("file", "risk-assessment.pdf", riskAssessment, "application/pdf")
                .multiPart("kind", "RISK_ASSESSMENT")
                .multiPart("expiresOn", TODAY.plusMonths(3).toString())
                .post(placement + "/documents")
                .then()
                .statusCode(201)
                .body("contentType", equalTo("application/pdf"))
                .extract()
                .path("id");
        byte[] read = given().header("Authorization", "Bearer " + tokens.user("school.a"))
                .get(placement + "/documents/" + document + "/content")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertArrayEquals(riskAssessment, read);
        given().header("Authorization", "Bearer " + tokens.user("school.b"))
                .get(placement + "/documents/" + document + "/content")
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + hub)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "endDate",
                        TODAY.toString(),
                        "outcome",
                        "PUPIL_LEFT",
                        "reason",
                        "The family moved to another authority",
                        "transitionPlan",
                        Map.of(
                                "destination",
                                "NEW_SCHOOL",
                                "plan",
                                "Records sent to the new school; a call with its SENCo",
                                "strategiesShared",
                                "Regulation plan")))
                .post(placement + "/end")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("PUPIL_LEFT"));

        given().header("Authorization", "Bearer " + tokens.user("auditor"))
                .queryParam("providerId", provider)
                .queryParam("from", TODAY.toString())
                .queryParam("to", TODAY.toString())
                .get(api + "/placement-reports/provider-scorecard")
                .then()
                .statusCode(200)
                .body("placements", equalTo(1))
                .body("outcomes.ended", equalTo(1))
                .body("outcomes.byDestination.NEW_SCHOOL", equalTo(1))
                .body("outcomes.returnToMainstreamRate", equalTo("100.0"))
                .body("offers.accepted", equalTo(1))
                .body("offers.answeredInTime", equalTo(1));
    }

    @Test
    void aSchoolMisAndAProviderSystemLogInAsMachinesAndReachOnlyTheirOwnRecords() {
        // A school's MIS (client credentials carrying its URN) syncs a pupil and finds pupils by UPN on its roll only.
        String mis = tokens.machine("mis-school-100001");
        String upn = newUpn();
        PERSONAL_DATA.addAll(List.of(upn, "Sam", "Ward", "2012-04-04"));
        Map<String, Object> pupil = new HashMap<>(Map.of(
                "upn", upn,
                "firstName", "Sam",
                "lastName", "Ward",
                "dateOfBirth", "2012-04-04",
                "schoolUrn", "100001",
                "senProvision", "K"));
        String pupilId = given().header("Authorization", "Bearer " + mis)
                .contentType(ContentType.JSON)
                .body(pupil)
                .post(api + "/pupils")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", "Bearer " + mis)
                .get(api + "/pupils?upn=" + upn)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(pupilId)));
        pupil.put("schoolUrn", "100002");
        pupil.put("upn", newUpn());
        given().header("Authorization", "Bearer " + mis)
                .contentType(ContentType.JSON)
                .body(pupil)
                .post(api + "/pupils")
                .then()
                .statusCode(403);
        String elsewhere = newUpn();
        PERSONAL_DATA.add(elsewhere);
        pupil.put("upn", elsewhere);
        given().header("Authorization", "Bearer " + tokens.user("school.b"))
                .contentType(ContentType.JSON)
                .body(pupil)
                .post(api + "/pupils")
                .then()
                .statusCode(201);
        given().header("Authorization", "Bearer " + mis)
                .get(api + "/pupils?upn=" + elsewhere)
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());

        // A provider's own system (client credentials carrying its provider id) reads its placements only.
        String school = tokens.user("school.a");
        String provider = approvedProvider();
        String other = approvedProvider();
        String mine = commissionOnceTheProviderIsKnown(school, pupil(school), provider)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String theirs = commissionOnceTheProviderIsKnown(school, pupil(school), other)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        DemoData.linkProviderSystem(stack, provider);
        String system = tokens.machine("provider-system-demo");
        given().header("Authorization", "Bearer " + system)
                .get(api + "/placements/" + mine)
                .then()
                .statusCode(200)
                .body("providerId", equalTo(provider));
        given().header("Authorization", "Bearer " + system)
                .get(api + "/placements/" + theirs)
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + system)
                .get(api + "/pupils?upn=" + upn)
                .then()
                .statusCode(403);
    }

    @Test
    void oneTraceFollowsAPanelDecisionThroughItsProposalAndConfirmationToTheCommitment() {
        PanelProposal proposal = proposedByThePanel();
        String hub = tokens.user("hub.officer");
        // The provider said yes by telephone; the Hub records its answer, then confirms.
        given().header("Authorization", "Bearer " + hub)
                .contentType(ContentType.JSON)
                .body(Map.of("startDate", TODAY.plusDays(14).toString(), "note", "Accepted by telephone"))
                .post(api + "/placements/" + proposal.placement() + "/offers/accept")
                .then()
                .statusCode(200);
        String etag = given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements/" + proposal.placement())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String confirmation = given().header("Authorization", "Bearer " + hub)
                .header("If-Match", etag)
                .post(api + "/placements/" + proposal.placement() + "/confirm")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        List<String> hops = List.of(
                "inclusion-panel-service: send alp.panel.v1",
                "placement-service: process uk.gov.bristol.alp.panel.decision-made.v1",
                "notification-service: process uk.gov.bristol.alp.panel.decision-made.v1",
                "placement-service: confirm placement",
                "placement-service: send alp.placements.v1",
                "finance-service: process uk.gov.bristol.alp.placement.confirmed.v1");
        // Spans arrive in batches from each process: wait until every hop has, and the tree is whole.
        Ports.await(
                "the decision's trace to show every hop to finance and be whole",
                Duration.ofSeconds(60),
                () -> shown(traces.trace(proposal.trace())).containsAll(hops) && whole(traces.trace(proposal.trace())));
        List<OtlpReceiver.Span> trace = traces.trace(proposal.trace());
        assertEquals(
                Set.of(
                        "gateway",
                        "inclusion-panel-service",
                        "placement-service",
                        "finance-service",
                        "notification-service"),
                trace.stream().map(OtlpReceiver.Span::service).collect(Collectors.toSet()),
                shown(trace).toString());
        assertTrue(
                trace.stream()
                        .anyMatch(s -> s.service().equals("finance-service") && s.kind() == OtlpReceiver.Span.CONSUMER),
                "finance consumed in the trace: " + shown(trace));
        // The confirmation is a request of its own (its own trace, at the gateway and placement), linked to this one.
        assertTrue(traces.trace(confirmation).stream().anyMatch(s -> s.service().equals("placement-service")));
    }

    @Test
    void logLinesAreJsonWithTraceRequestServiceAndRoleAndNeverAPupilsDetails() throws IOException {
        PanelProposal proposal = proposedByThePanel();
        ObjectMapper json = new ObjectMapper();
        int lines = 0;
        Map<String, JsonNode> decisionLines = new HashMap<>();
        List<Pattern> personal = PERSONAL_DATA.stream()
                .map(v -> Pattern.compile("\\b" + Pattern.quote(v) + "\\b"))
                .toList();
        try (var files = Files.list(stack.logDirectory())) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines++;
                    for (Pattern p : personal) {
                        assertFalse(p.matcher(line).find(), file.getFileName() + " logs a pupil's detail: " + line);
                    }
                    if (!line.startsWith("{")) {
                        continue; // the JVM's own warnings on stderr
                    }
                    JsonNode entry = json.readTree(line);
                    assertTrue(entry.hasNonNull("service"), "every line names its service: " + line);
                    if (proposal.trace()
                            .equals(entry.path("mdc").path("traceId").asText())) {
                        decisionLines.put(entry.get("service").asText(), entry);
                    }
                }
            }
        }
        assertTrue(lines > 100, "the logs were read: " + lines + " lines");
        assertTrue(
                decisionLines.keySet().containsAll(Set.of("gateway", "inclusion-panel-service")),
                decisionLines.keySet().toString());
        JsonNode panel = decisionLines.get("inclusion-panel-service").get("mdc");
        assertEquals(proposal.trace(), panel.path("requestId").asText(), "the request id is the trace id: " + panel);
        assertTrue(panel.path("spanId").asText().matches("[0-9a-f]{16}"), panel.toString());
        assertTrue(panel.path("callerRole").asText().contains("panel-chair"), panel.toString());
    }

    @Test
    void everyServiceExposesTheMetricsTheAlertsAndDashboardsUse() throws IOException {
        proposedByThePanel();
        String finance = tokens.user("finance.officer");
        String code = "OBS-" + serial++;
        given().header("Authorization", "Bearer " + finance)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code", code,
                        "description", "Observability check",
                        "costCentre", "ALP",
                        "budgetLine", "Placements",
                        "fundingStream", "ALP_HUB_CORE"))
                .post(api + "/finance/cost-codes")
                .then()
                .statusCode(201);
        LocalDate today = LocalDate.now();
        int fyStart = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        given().header("Authorization", "Bearer " + finance)
                .contentType(ContentType.JSON)
                .body(Map.of("amount", "100000.00", "reason", "Observability check"))
                .put(api + "/finance/budgets/" + fyStart + "-" + String.format("%02d", (fyStart + 1) % 100) + "/"
                        + code)
                .then()
                .statusCode(200);
        Map<String, PrometheusText> scrapes = new HashMap<>();
        Ports.await("the panel's event counted in placement", Duration.ofSeconds(30), () -> {
            scrapes.clear();
            for (String service : List.of("gateway", "registry", "panel", "placement", "finance", "notification")) {
                scrapes.put(
                        service,
                        new PrometheusText(given().get(stack.serviceUrl(service) + "/q/metrics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()));
            }
            return scrapes.get("placement")
                                    .value(
                                            "alp_events_handled_total",
                                            "consumer",
                                            "placement-service.panel",
                                            "outcome",
                                            "applied")
                            >= 1
                    && scrapes.get("finance").value("alp_budget_used_ratio", "cost_code", code) == 0
                    // gauges read from the database appear at each service's first sample
                    && List.of("registry", "panel", "placement", "finance", "notification").stream()
                            .allMatch(
                                    service -> scrapes.get(service).names().contains("alp_outbox_oldest_age_seconds"));
        });
        assertTrue(
                scrapes.get("gateway").value("alp_gateway_upstream_requests_seconds_count", "upstream", "panel") >= 1);
        assertTrue(scrapes.get("placement").names().contains("alp_attention_open"));
        assertTrue(scrapes.get("registry").names().contains("alp_providers_lapsed_evidence"));
        assertTrue(scrapes.get("finance").names().contains("alp_budget_amount"));
        assertTrue(scrapes.get("notification").names().contains("alp_notifications"));
        for (String service : List.of("registry", "panel", "placement", "finance", "notification")) {
            Set<String> names = scrapes.get(service).names();
            assertTrue(names.contains("alp_outbox_oldest_age_seconds"), service + " has " + names);
            assertTrue(names.contains("http_server_requests_seconds_bucket"), service + " has " + names);
        }

        Set<String> exposed = new TreeSet<>();
        scrapes.values().forEach(s -> exposed.addAll(s.names()));
        Path observability = Path.of(System.getProperty("alp.repo", "..")).resolve("deploy/observability");
        Set<String> used = new TreeSet<>();
        try (var files = Files.walk(observability)) {
            for (Path file : files.filter(f -> f.toString().matches(".*(alerts\\.yml|\\.json)$"))
                    .toList()) {
                Matcher m = METRIC.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group());
                }
            }
        }
        assertTrue(used.size() > 10, "the rules and dashboards were read: " + used);
        used.removeAll(exposed);
        assertEquals(Set.of(), used, "metrics the alerts or dashboards use and no service exposes");
    }

    private static final Pattern METRIC =
            Pattern.compile("(?<![:\\w])(alp|http_server|kafka_consumer|agroal|jvm)_[a-z_]+(?![:\\w])");

    private static List<String> shown(List<OtlpReceiver.Span> trace) {
        return trace.stream().map(s -> s.service() + ": " + s.name()).toList();
    }

    /** Every span's parent is in the trace but the root's: the hops connect. */
    private static boolean whole(List<OtlpReceiver.Span> trace) {
        Set<String> ids = trace.stream().map(OtlpReceiver.Span::spanId).collect(Collectors.toSet());
        return trace.stream().filter(s -> !ids.contains(s.parentSpanId())).count() == 1;
    }

    /** A decision of the panel and the placement it proposed; {@code trace} is the decision request's trace id. */
    private record PanelProposal(String decision, String placement, String trace) {}

    /** A school's referral, decided at a panel meeting with an approved provider: the proposed placement. */
    private static PanelProposal proposedByThePanel() {
        String school = tokens.user("school.a");
        String hub = tokens.user("hub.officer");
        // Full time (25 hours) needs a registered setting, or the Hub could not confirm it.
        String provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String upn = newUpn();
        PERSONAL_DATA.addAll(List.of(upn, "Ava", "Jones", "2011-05-06"));
        Map<String, Object> referral = Map.of(
                "schoolUrn",
                "100001",
                "pupil",
                Map.of(
                        "upn",
                        upn,
                        "firstName",
                        "Ava",
                        "lastName",
                        "Jones",
                        "dateOfBirth",
                        "2011-05-06",
                        "senProvision",
                        "E",
                        "lookedAfter",
                        true,
                        "ethnicity",
                        "BCRB",
                        "sex",
                        "F"),
                "reason",
                "At risk of permanent exclusion",
                "requested",
                "FULL_TIME_PLACEMENT",
                "graduatedResponse",
                List.of(Map.of(
                        "kind",
                        "Pastoral support plan",
                        "from",
                        "2026-01-05",
                        "outcome",
                        "Not sustained",
                        "by",
                        "Head of Year")),
                "safeguarding",
                Map.of(
                        "designatedSafeguardingLead",
                        "J. Smith",
                        "socialCareInvolved",
                        false,
                        "knownRisks",
                        "None known"));
        String referralId = given().header("Authorization", "Bearer " + school)
                .contentType(ContentType.JSON)
                .body(referral)
                .post(api + "/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<String> members = List.of("Chair", "Hub lead", "Headteacher rep");
        String meeting = given().header("Authorization", "Bearer " + hub)
                .contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.plusDays(2).toString(), "members", members, "quorum", 2))
                .post(api + "/panel-meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", "Bearer " + hub)
                .post(api + "/panel-meetings/" + meeting + "/agenda")
                .then()
                .statusCode(200)
                .body("agenda.referralId", Matchers.hasItem(referralId));

        Response decided = given().header("Authorization", "Bearer " + tokens.user("panel.chair"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "meetingId",
                        meeting,
                        "outcome",
                        "APPROVE_PLACEMENT",
                        "rationale",
                        "Needs a small setting",
                        "membersPresent",
                        members,
                        "placement",
                        Map.of(
                                "providerId",
                                provider,
                                "hoursPerWeek",
                                "25",
                                "startDate",
                                TODAY.plusDays(14).toString(),
                                "plannedEndDate",
                                TODAY.plusDays(120).toString(),
                                "fundingRoute",
                                "HIGH_NEEDS")))
                .post(api + "/referrals/" + referralId + "/decision");
        String decision = decided.then()
                .statusCode(201)
                .body("needsFinanceApproval", equalTo(true))
                .extract()
                .path("id");

        Ports.await(
                "proposed placement for decision " + decision,
                Duration.ofSeconds(20),
                () -> given().header("Authorization", "Bearer " + hub)
                                .get(api + "/placements?decisionId=" + decision)
                                .then()
                                .extract()
                                .<Integer>path("totalItems")
                        == 1);
        String placement = given().header("Authorization", "Bearer " + hub)
                .get(api + "/placements?decisionId=" + decision)
                .then()
                .extract()
                .path("items[0].id");
        // No X-Request-Id was sent, so the gateway's is the decision request's trace id.
        return new PanelProposal(decision, placement, decided.header("X-Request-Id"));
    }

    @Test
    void placementsMadeWhileKafkaIsDownAreCommittedOnceWhenItReturns() {
        String provider = approvedProvider();
        String school = tokens.user("school.a");
        String before = commissionOnceTheProviderIsKnown(school, pupil(school), provider)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> pupils = List.of(pupil(school), pupil(school), pupil(school));
        String finance = tokens.user("finance.officer");
        // The placement made before the outage is committed first, so the count below is of settled commitments.
        awaitOneCommitment(finance, before, "before the outage");

        stack.kafka().kill();
        List<String> placements = new ArrayList<>();
        try {
            for (String pupil : pupils) {
                placements.add(commission(school, pupil, provider)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
        } finally {
            stack.kafka().start();
        }

        for (String placement : placements) {
            awaitOneCommitment(finance, placement, "after the outage");
        }
        int total = given().header("Authorization", "Bearer " + finance)
                .get(api + "/finance/commitments?providerId=" + provider + "&size=50")
                .then()
                .extract()
                .path("totalItems");
        assertEquals(4, total, "one commitment per placement, none twice");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void awaitOneCommitment(String financeToken, String placement, String when) {
        Ports.await(
                "commitment for " + placement + " " + when,
                Duration.ofSeconds(90),
                () -> given().header("Authorization", "Bearer " + financeToken)
                                .get(api + "/finance/commitments?placementId=" + placement)
                                .then()
                                .extract()
                                .<Integer>path("totalItems")
                        == 1);
    }

    private static String register(String registryToken) {
        return register(registryToken, "UNREGISTERED");
    }

    private static String register(String registryToken, String registrationStatus) {
        String ukprn = String.format("1%07d", 3000000 + serial++);
        return given().header("Authorization", "Bearer " + registryToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "E2E Provider " + ukprn,
                        "ukprn",
                        ukprn,
                        "registrationStatus",
                        registrationStatus,
                        "leadAuthority",
                        "bristol",
                        "details",
                        Map.of(
                                "rates",
                                List.of(Map.of(
                                        "unit",
                                        "HOUR",
                                        "amount",
                                        "38.00",
                                        "validFrom",
                                        TODAY.minusYears(1).toString())))))
                .post(api + "/providers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String approvedProvider() {
        return approvedProvider("UNREGISTERED");
    }

    private static String approvedProvider(String registrationStatus) {
        String registry = tokens.user("registry.officer");
        String id = register(registry, registrationStatus);
        for (String kind : MANDATORY) {
            given().header("Authorization", "Bearer " + registry)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "kind",
                            kind,
                            "outcome",
                            "PASSED",
                            "checkedOn",
                            TODAY.minusDays(10).toString(),
                            "expiresOn",
                            TODAY.plusYears(1).toString()))
                    .post(api + "/providers/" + id + "/checks")
                    .then()
                    .statusCode(201);
        }
        given().header("Authorization", "Bearer " + registry)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(api + "/providers/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("frameworkStatus", equalTo("APPROVED"));
        return id;
    }

    private static synchronized String newUpn() {
        String rest = String.format("80130002%04d", serial++);
        return Upn.checkLetter(rest) + rest;
    }

    private static String pupil(String schoolToken) {
        String upn = newUpn();
        PERSONAL_DATA.addAll(List.of(upn, "Jo", "Bloggs", "2012-02-02"));
        return given().header("Authorization", "Bearer " + schoolToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn",
                        upn,
                        "firstName",
                        "Jo",
                        "lastName",
                        "Bloggs",
                        "dateOfBirth",
                        "2012-02-02",
                        "schoolUrn",
                        "100001",
                        "senProvision",
                        "K"))
                .post(api + "/pupils")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response commission(String schoolToken, String pupil, String provider) {
        Map<String, Object> body = new HashMap<>();
        body.put("pupilId", pupil);
        body.put("providerId", provider);
        body.put("reasonCode", "SEMH_NEEDS");
        body.put("reason", "Part-time SEMH provision");
        body.put(
                "timetable",
                List.of(
                        Map.of("day", "TUESDAY", "start", "09:00", "end", "14:00"),
                        Map.of("day", "THURSDAY", "start", "09:00", "end", "14:00")));
        body.put("startDate", TODAY.plusDays(7).toString());
        body.put("plannedEndDate", TODAY.plusDays(90).toString());
        return given().header("Authorization", "Bearer " + schoolToken)
                .contentType(ContentType.JSON)
                .body(body)
                .post(api + "/placements");
    }

    /** The registry's approval reaches the placement service by event: retry while it is on its way. */
    private static Response commissionOnceTheProviderIsKnown(String schoolToken, String pupil, String provider) {
        Response[] last = new Response[1];
        Ports.await("provider " + provider + " approved in the placement service", Duration.ofSeconds(20), () -> {
            last[0] = commission(schoolToken, pupil, provider);
            return last[0].statusCode() != 422;
        });
        return last[0];
    }
}
