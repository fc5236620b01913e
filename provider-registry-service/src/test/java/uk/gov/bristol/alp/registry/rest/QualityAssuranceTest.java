package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** QA visits scheduled by risk, recorded in every area, their actions followed up; overdue ones listed. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class QualityAssuranceTest {
    private static final String QA = "/api/v1/providers/{id}/quality-assurance";
    private static final String ATTENTION = "/api/v1/quality-assurance/attention";
    private static final LocalDate TODAY = LocalDate.now();
    private static final List<String> AREAS =
            List.of("SAFEGUARDING", "TEACHING_AND_LEARNING", "CAREERS_ADVICE", "ATTENDANCE", "HEALTH_AND_SAFETY");

    private static List<Map<String, String>> findings(List<String> areas) {
        List<Map<String, String>> out = new ArrayList<>();
        areas.forEach(a -> out.add(Map.of("area", a, "rating", "GOOD", "finding", "Seen in practice")));
        return out;
    }

    private static List<String> attention(String kind) {
        return given().header("Authorization", TestTokens.registryOfficer())
                .get(ATTENTION)
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.kind == '" + kind + "' }.providerId");
    }

    @Test
    void aVisitIsRecordedInEveryAreaItsActionsFollowedUpAndTheNextOneScheduledByRisk() {
        String provider = register(newUkprn());
        String registry = TestTokens.registryOfficer();
        String visit = given().header("Authorization", registry)
                .contentType(ContentType.JSON)
                .body(Map.of("dueOn", TODAY.minusDays(1).toString()))
                .post(QA + "/visits", provider)
                .then()
                .statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .extract()
                .path("id");
        assertThat(attention("QA_VISIT_OVERDUE"), hasItem(provider));

        LocalDate visited = TODAY.minusDays(10);
        given().header("Authorization", registry)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "visitedOn",
                        visited.toString(),
                        "rating",
                        "GOOD",
                        "findings",
                        findings(List.of("SAFEGUARDING", "ATTENDANCE", "ATTENDANCE"))))
                .post(QA + "/visits/{v}/record", provider, visit)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/qa-findings-incomplete"))
                .body("errors", hasSize(4));
        Map<String, Object> report = Map.of(
                "visitedOn",
                visited.toString(),
                "rating",
                "REQUIRES_IMPROVEMENT",
                "findings",
                findings(AREAS),
                "summary",
                "Careers advice not yet given to Year 11",
                "actions",
                List.of(Map.of(
                        "area",
                        "CAREERS_ADVICE",
                        "action",
                        "Careers interview for every Year 11 pupil",
                        "owner",
                        "Head of centre",
                        "dueOn",
                        TODAY.minusDays(1).toString())));
        given().header("Authorization", TestTokens.provider(provider))
                .contentType(ContentType.JSON)
                .body(report)
                .post(QA + "/visits/{v}/record", provider, visit)
                .then()
                .statusCode(403);
        given().header("Authorization", registry)
                .contentType(ContentType.JSON)
                .body(report)
                .post(QA + "/visits/{v}/record", provider, visit)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("rating", equalTo("REQUIRES_IMPROVEMENT"));
        given().header("Authorization", registry)
                .contentType(ContentType.JSON)
                .body(report)
                .post(QA + "/visits/{v}/record", provider, visit)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/qa-visit-status"));

        String nextDue = visited.plusMonths(6).toString();
        String action = given().header("Authorization", TestTokens.hubOfficer())
                .get(QA, provider)
                .then()
                .statusCode(200)
                .body("state.risk", equalTo("MEDIUM"))
                .body("state.lastVisitOn", equalTo(visited.toString()))
                .body("state.lastRating", equalTo("REQUIRES_IMPROVEMENT"))
                .body("state.nextVisitDue", equalTo(nextDue))
                .body("state.openActions", equalTo(1))
                .body("state.overdueActions", equalTo(1))
                .body("visits", hasSize(2))
                .extract()
                .path("actions[0].id");
        given().header("Authorization", registry)
                .get("/api/v1/providers/{id}", provider)
                .then()
                .body("checks.find { it.kind == 'QUALITY_ASSURANCE_VISIT' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.kind == 'QUALITY_ASSURANCE_VISIT' }.expiresOn", equalTo(nextDue));
        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                n -> KafkaEvents.ofType("uk.gov.bristol.alp.provider.check-recorded.v1", provider)
                                .test(n)
                        && "REQUIRES_IMPROVEMENT"
                                .equals(n.path("data")
                                        .path("qa")
                                        .path("lastRating")
                                        .asText()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", event));
        assertEquals(nextDue, event.path("data").path("qa").path("nextVisitDue").asText());
        assertThat(attention("QA_VISIT_OVERDUE"), not(hasItem(provider)));
        assertThat(attention("QA_ACTION_OVERDUE"), hasItem(provider));

        given().header("Authorization", registry)
                .contentType(ContentType.JSON)
                .body(Map.of("risk", "HIGH", "reason", "Two safeguarding referrals this term"))
                .put(QA + "/risk", provider)
                .then()
                .statusCode(200)
                .body("nextVisitDue", equalTo(visited.plusMonths(3).toString()));

        for (String outsider :
                List.of(TestTokens.provider(UUID.randomUUID().toString()), TestTokens.school("100001"))) {
            given().header("Authorization", outsider).get(QA, provider).then().statusCode(404);
        }
        given().header("Authorization", TestTokens.provider(provider))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Interviews held with the careers adviser"))
                .post(QA + "/actions/{a}/done", provider, action)
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("doneOn", equalTo(TODAY.toString()));
        assertThat(attention("QA_ACTION_OVERDUE"), not(hasItem(provider)));
        given().header("Authorization", TestTokens.school("100001"))
                .get(ATTENTION)
                .then()
                .statusCode(403);
    }
}
