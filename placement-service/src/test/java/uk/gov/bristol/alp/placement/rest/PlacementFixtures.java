package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.platform.identifiers.Upn;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** Builds the state placement tests start from, through the real broker and the real API. */
final class PlacementFixtures {
    static final LocalDate START = LocalDate.now().plusDays(7);
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.currentTimeMillis() % 500) * 1000);

    private PlacementFixtures() {}

    /** A fresh valid UPN: LA 801, establishment 2000, year 26, a unique serial. */
    static String newUpn() {
        String rest = String.format("8012%03d26%03d", SERIAL.get() / 1000 % 1000, SERIAL.incrementAndGet() % 1000);
        rest = rest.substring(0, 12);
        return Upn.checkLetter(rest) + rest;
    }

    /** Publishes a provider event as the registry would, and waits until the read model reflects it. */
    static UUID provider(String status, String registration, boolean compliant, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        providerEvent(id, UUID.randomUUID(), status, registration, compliant, at);
        return id;
    }

    /** An approved, compliant provider, already in the placement service's read model. */
    static UUID approvedProvider(String registration) {
        UUID id = provider("APPROVED", registration, true, OffsetDateTime.now());
        awaitProviderStatus(id, "APPROVED");
        return id;
    }

    /** An approved, compliant provider with its AP setting identity (ukprn, urn or settingType), in the read model. */
    static UUID approvedProvider(String registration, Map<String, String> identity) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = providerState(id, "APPROVED", registration, true);
        data.putAll(identity);
        TestEvents.publish(
                "alp.providers.v1",
                id.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.provider.approved.v1",
                        id.toString(),
                        OffsetDateTime.now(),
                        data));
        awaitProviderStatus(id, "APPROVED");
        return id;
    }

    /** An approved, compliant, registered provider that undertakes to answer offers in {@code days} working days. */
    static UUID approvedProviderAnswering(int days) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = providerState(id, "APPROVED", "REGISTERED_INDEPENDENT_SCHOOL", true);
        data.put("responseTimescaleDays", days);
        data.put("specialisms", List.of("SEMH"));
        data.put(
                "qa",
                Map.of(
                        "risk",
                        "HIGH",
                        "lastVisitOn",
                        LocalDate.now().minusMonths(4).toString(),
                        "lastRating",
                        "GOOD",
                        "nextVisitDue",
                        LocalDate.now().minusMonths(1).toString()));
        TestEvents.publish(
                "alp.providers.v1",
                id.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.provider.approved.v1",
                        id.toString(),
                        OffsetDateTime.now(),
                        data));
        awaitProviderStatus(id, "APPROVED");
        return id;
    }

    static void providerEvent(
            UUID providerId, UUID eventId, String status, String registration, boolean compliant, OffsetDateTime at) {
        Map<String, Object> data = providerState(providerId, status, registration, compliant);
        String kind = status.equals("SUSPENDED") ? "suspended" : compliant ? "approved" : "compliance-lapsed";
        TestEvents.publish(
                "alp.providers.v1",
                providerId.toString(),
                TestEvents.envelope(
                        eventId, "uk.gov.bristol.alp.provider." + kind + ".v1", providerId.toString(), at, data));
    }

    private static Map<String, Object> providerState(
            UUID providerId, String status, String registration, boolean compliant) {
        Map<String, Object> data = new HashMap<>();
        data.put("providerId", providerId.toString());
        data.put("name", "Provider " + providerId);
        data.put("registrationStatus", registration);
        data.put("leadAuthority", "bristol");
        data.put("frameworkStatus", status);
        data.put("compliant", compliant);
        data.put("compliantUntil", LocalDate.now().plusYears(1).toString());
        return data;
    }

    static void awaitProviderStatus(UUID providerId, String status) {
        Ports.await(
                "provider " + providerId + " " + status + " in the read model",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    ProviderView v = ProviderView.findById(providerId);
                    return v != null && status.equals(v.frameworkStatus);
                }));
    }

    /** A pupil's record as a school's system sends it, with the UPN given. */
    static Map<String, Object> pupilBody(String upn, String urn) {
        return Map.of(
                "upn", upn,
                "firstName", "Sam",
                "lastName", "Taylor",
                "dateOfBirth", "2012-03-04",
                "schoolUrn", urn,
                "senProvision", "N");
    }

    static Response postPupil(String schoolToken, String urn, String upn) {
        return given().header("Authorization", schoolToken)
                .contentType(ContentType.JSON)
                .body(pupilBody(upn, urn))
                .post("/api/v1/pupils");
    }

    static String pupilWithUpn(String schoolToken, String urn, String upn) {
        return postPupil(schoolToken, urn, upn).then().statusCode(201).extract().path("id");
    }

    static String pupil(String schoolToken, String urn, String sen) {
        return given().header("Authorization", schoolToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn",
                        newUpn(),
                        "firstName",
                        "Sam",
                        "lastName",
                        "Taylor",
                        "dateOfBirth",
                        "2012-03-04",
                        "schoolUrn",
                        urn,
                        "senProvision",
                        sen,
                        "sex",
                        "M",
                        "ethnicity",
                        "WBRI"))
                .post("/api/v1/pupils")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> placement(String pupilId, UUID providerId, List<Map<String, String>> timetable) {
        Map<String, Object> body = new HashMap<>();
        body.put("pupilId", pupilId);
        body.put("providerId", providerId.toString());
        body.put("reasonCode", "SEMH_NEEDS");
        body.put("reason", "SEMH support after a period of non-attendance");
        body.put("timetable", timetable);
        body.put("startDate", START.toString());
        body.put("plannedEndDate", START.plusWeeks(12).toString());
        return body;
    }

    static Map<String, String> session(String day, String start, String end) {
        return Map.of("day", day, "start", start, "end", end);
    }

    /** 17.5 hours: Monday 3.5, Wednesday 6, Friday 8. */
    static List<Map<String, String>> seventeenAndAHalfHours() {
        return List.of(
                session("MONDAY", "09:00", "12:30"),
                session("WEDNESDAY", "09:00", "15:00"),
                session("FRIDAY", "09:00", "17:00"));
    }

    /** 18 hours: Monday 4, Wednesday 6, Friday 8. */
    static List<Map<String, String>> eighteenHours() {
        return List.of(
                session("MONDAY", "09:00", "13:00"),
                session("WEDNESDAY", "09:00", "15:00"),
                session("FRIDAY", "09:00", "17:00"));
    }

    /** A school-A pupil's Monday-morning placement that started on {@code startedOn} and runs six weeks more. */
    static String startedPlacement(UUID provider, LocalDate startedOn) {
        String pupil = pupil(schoolA(), "100001", "K");
        Map<String, Object> body =
                new HashMap<>(placement(pupil, provider, List.of(session("MONDAY", "09:00", "12:00"))));
        body.put("startDate", startedOn.toString());
        body.put("plannedEndDate", LocalDate.now().plusWeeks(6).toString());
        String id = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", schoolA())
                .post("/api/v1/placements/{id}/start", id)
                .then()
                .statusCode(200);
        return id;
    }

    /** A full-time (25 h) placement proposed from an Inclusion Panel decision, for a pupil with that SEN provision. */
    static UUID proposedFromPanel(UUID provider, String sen) {
        UUID decision = UUID.randomUUID();
        TestEvents.publish(
                "alp.panel.v1",
                decision.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.panel.decision-made.v1",
                        decision.toString(),
                        OffsetDateTime.now(),
                        Map.of(
                                "decisionId",
                                decision.toString(),
                                "referralId",
                                UUID.randomUUID().toString(),
                                "outcome",
                                "APPROVE_PLACEMENT",
                                "schoolUrn",
                                "100001",
                                "decidedBy",
                                "panel.chair",
                                "decidedAt",
                                OffsetDateTime.now().toString(),
                                "needsFinanceApproval",
                                false,
                                "pupil",
                                Map.of(
                                        "upn",
                                        newUpn(),
                                        "firstName",
                                        "Kai",
                                        "lastName",
                                        "Lee",
                                        "dateOfBirth",
                                        "2011-01-01",
                                        "senProvision",
                                        sen),
                                "placement",
                                Map.of(
                                        "providerId",
                                        provider.toString(),
                                        "hoursPerWeek",
                                        "25",
                                        "startDate",
                                        START.toString(),
                                        "plannedEndDate",
                                        START.plusWeeks(20).toString(),
                                        "fundingRoute",
                                        "HIGH_NEEDS"))));
        Ports.await(
                "proposal for decision " + decision,
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Placement.count("decisionId", decision) == 1));
        return QuarkusTransaction.requiringNew()
                .call(() -> Placement.<Placement>find("decisionId", decision).firstResult().id);
    }

    /** The provider accepts the offer of a proposal, to start on its proposed start date. */
    static void acceptOffer(UUID placement) {
        UUID provider =
                QuarkusTransaction.requiringNew().call(() -> Placement.<Placement>findById(placement).providerId);
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("startDate", START.toString()))
                .post("/api/v1/placements/{id}/offers/accept", placement)
                .then()
                .statusCode(200);
    }

    static String schoolA() {
        return TestTokens.school("100001");
    }

    static String schoolB() {
        return TestTokens.school("100002");
    }
}
