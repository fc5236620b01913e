package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.proposedFromPanel;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.startedPlacement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** What a provider must know to keep the pupil safe: its own placements only, every read audited. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class NeedToKnowTest {
    private static final String NEED_TO_KNOW = "/api/v1/placements/{id}/need-to-know";

    private static final Map<String, Object> WRITTEN = Map.of(
            "needs",
            "Autistic; needs a quiet space and warning of changes",
            "risks",
            "May leave the site when overwhelmed; crowded corridors are a trigger",
            "medical",
            "Asthma: inhaler in bag",
            "strategies",
            "Visual timetable; a named adult at arrival",
            "schoolContact",
            Map.of("name", "Sam Patel", "role", "Designated safeguarding lead", "phone", "0117 496 0000"));

    private static String etag(String token, String path, Object id) {
        return given().header("Authorization", token)
                .get(path, id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static long reads(String placement) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Placement.getEntityManager()
                                .createNativeQuery("select count(*) from audit_event where resource_type = "
                                        + "'placement-need-to-know' and action = 'READ' and resource_id = ?1")
                                .setParameter(1, placement)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void theProviderReadsWhatKeepsThePupilSafeForItsOwnRunningPlacementOnlyAndEachReadIsAudited() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String providerToken = TestTokens.provider(provider.toString());
        String placement = startedPlacement(provider, LocalDate.now().minusDays(2));
        String pupil = given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}", placement)
                .then()
                .extract()
                .path("pupilId");
        given().header("Authorization", schoolA())
                .header("If-Match", etag(schoolA(), "/api/v1/pupils/{id}", pupil))
                .contentType(ContentType.JSON)
                .body(List.of(Map.of(
                        "name",
                        "Jo Reid",
                        "relationship",
                        "PARENT",
                        "parentalResponsibility",
                        true,
                        "phone",
                        "07700 900123",
                        "preferredContact",
                        "PHONE",
                        "contactNotes",
                        "Works nights: call after 2pm unless urgent")))
                .put("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(200);

        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(WRITTEN)
                .put(NEED_TO_KNOW, placement)
                .then()
                .statusCode(428);
        given().header("Authorization", providerToken)
                .header("If-Match", etag(schoolA(), "/api/v1/placements/{id}", placement))
                .contentType(ContentType.JSON)
                .body(WRITTEN)
                .put(NEED_TO_KNOW, placement)
                .then()
                .statusCode(403);
        given().header("Authorization", schoolA())
                .header("If-Match", etag(schoolA(), "/api/v1/placements/{id}", placement))
                .contentType(ContentType.JSON)
                .body(Map.of("schoolContact", Map.of("name", "Sam Patel", "phone", "call the office")))
                .put(NEED_TO_KNOW, placement)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("schoolContact.phone"));
        given().header("Authorization", schoolA())
                .header("If-Match", etag(schoolA(), "/api/v1/placements/{id}", placement))
                .contentType(ContentType.JSON)
                .body(WRITTEN)
                .put(NEED_TO_KNOW, placement)
                .then()
                .statusCode(200);
        long before = reads(placement);

        given().header("Authorization", providerToken)
                .get(NEED_TO_KNOW, placement)
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Sam"))
                .body("needToKnow.risks", equalTo(WRITTEN.get("risks")))
                .body("needToKnow.schoolContact.phone", equalTo("0117 496 0000"))
                .body("emergencyContacts", hasSize(1))
                .body("emergencyContacts[0].phone", equalTo("07700 900123"))
                .body("emergencyContacts[0].contactNotes", equalTo("Works nights: call after 2pm unless urgent"));
        assertEquals(before + 1, reads(placement));
        for (String outsider :
                List.of(schoolB(), TestTokens.provider(UUID.randomUUID().toString()))) {
            given().header("Authorization", outsider)
                    .get(NEED_TO_KNOW, placement)
                    .then()
                    .statusCode(404);
        }
        assertEquals(before + 1, reads(placement));

        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "endDate",
                        LocalDate.now().toString(),
                        "outcome",
                        "COMPLETED",
                        "reason",
                        "Ran its course",
                        "transitionPlan",
                        Map.of("destination", "RETURN_TO_SCHOOL", "plan", "Back full time", "strategiesShared", "All")))
                .post("/api/v1/placements/{id}/end", placement)
                .then()
                .statusCode(200);
        given().header("Authorization", providerToken)
                .get(NEED_TO_KNOW, placement)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/placement-not-running"));
        given().header("Authorization", schoolA())
                .get(NEED_TO_KNOW, placement)
                .then()
                .statusCode(200);
    }

    @Test
    void aProviderOfferedAPlacementSeesNeedsButNotTheFamilysContactsUntilItIsConfirmed() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        UUID proposal = proposedFromPanel(provider, "K");
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .get(NEED_TO_KNOW, proposal)
                .then()
                .statusCode(200)
                .body("needToKnow", nullValue())
                .body("emergencyContacts", hasSize(0));
    }
}
