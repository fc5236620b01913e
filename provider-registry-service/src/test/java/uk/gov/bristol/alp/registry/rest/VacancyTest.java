package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static uk.gov.bristol.alp.registry.rest.ProviderDetailsTest.registerWithDetails;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.passAllMandatory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** Places and vacancies by specialism and key stage: kept by the provider, found by search, seen by commissioners. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class VacancyTest {
    private static final String VACANCIES = "/api/v1/providers/{id}/vacancies";

    private static Map<String, Object> vacancy(String specialism, String keyStage, int places, int vacancies) {
        return Map.of("specialism", specialism, "keyStage", keyStage, "places", places, "vacancies", vacancies);
    }

    private static List<String> found(String keyStage) {
        return given().header("Authorization", TestTokens.school("100001"))
                .queryParam("hasVacancy", true)
                .queryParam("specialism", "SEMH")
                .queryParam("keyStage", keyStage)
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void aProviderKeepsItsVacanciesWithinItsOfferAndSchoolsFindProvidersWithAPlace() {
        String id = registerWithDetails(); // SEMH and OUTDOOR, KS3 and KS4, capacity 12
        String own = TestTokens.provider(id);
        given().header("Authorization", own)
                .contentType(ContentType.JSON)
                .body(List.of(
                        vacancy("SEMH", "KS3", 6, 7),
                        vacancy("AUTISM", "KS3", 2, 0),
                        vacancy("SEMH", "POST_16", 2, 1),
                        vacancy("OUTDOOR", "KS4", 6, 1)))
                .put(VACANCIES, id)
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-details"))
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "vacancies[0].vacancies",
                                "vacancies[1].specialism",
                                "vacancies[2].keyStage",
                                "vacancies")));
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body(List.of(vacancy("SEMH", "KS3", 6, 2)))
                .put(VACANCIES, id)
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.school("100001"))
                .contentType(ContentType.JSON)
                .body(List.of(vacancy("SEMH", "KS3", 6, 2)))
                .put(VACANCIES, id)
                .then()
                .statusCode(403);
        given().header("Authorization", own)
                .contentType(ContentType.JSON)
                .body(List.of(vacancy("SEMH", "KS3", 6, 2), vacancy("SEMH", "KS4", 4, 0)))
                .put(VACANCIES, id)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.keyStage == 'KS3' }.vacancies", equalTo(2));

        org.hamcrest.MatcherAssert.assertThat(found("KS3"), hasItem(id));
        org.hamcrest.MatcherAssert.assertThat(found("KS4"), not(hasItem(id)));

        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/provider-vacancies?specialism=SEMH")
                .then()
                .statusCode(200)
                .body("providerId", not(hasItem(id))); // not approved yet
        passAllMandatory(id, LocalDate.now().plusYears(1));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/provider-vacancies?specialism=SEMH&keyStage=KS3")
                .then()
                .statusCode(200)
                .body("find { it.providerId == '" + id + "' }.vacancy.vacancies", equalTo(2));
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .get("/api/v1/provider-vacancies")
                .then()
                .statusCode(403);
    }
}
