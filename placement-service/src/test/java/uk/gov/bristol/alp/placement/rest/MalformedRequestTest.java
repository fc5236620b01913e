package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.newUpn;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;

/**
 * A body a caller got wrong answers 400 problem+json saying what is wrong, in the caller's terms: never an empty
 * body, a 500, a Java type name or the value sent back.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class MalformedRequestTest {
    private static final String PROBLEMS = "https://alp.bristol.gov.uk/problems/";
    private static final String VALID = "\"firstName\":\"Sam\",\"lastName\":\"Lee\",\"dateOfBirth\":\"2012-03-04\","
            + "\"schoolUrn\":\"100001\",\"senProvision\":\"K\",\"sex\":\"M\",\"ethnicity\":\"WBRI\"";

    /** Body, the field named (or the detail when the whole body is wrong), the rule, the problem type. */
    static Stream<Arguments> malformedPupils() {
        String upn = "\"upn\":\"" + newUpn() + "\",";
        return Stream.of(
                Arguments.of(
                        "{" + upn + VALID + ",\"nickname\":\"Sammy\"}",
                        "nickname",
                        "unknownField",
                        "malformed-request"),
                Arguments.of("{\"upn\":[\"B801200005001\"]}", "upn", "type", "malformed-request"),
                Arguments.of("{\"upn\":{\"value\":\"B801200005001\"}}", "upn", "type", "malformed-request"),
                Arguments.of(
                        "{" + upn + VALID.replace("\"2012-03-04\"", "\"2012-02-30\"") + "}",
                        "dateOfBirth",
                        "format",
                        "validation"),
                Arguments.of(
                        "{" + upn + VALID.replace("\"2012-03-04\"", "[2012,3,4]") + "}",
                        "dateOfBirth",
                        "type",
                        "malformed-request"),
                Arguments.of("{" + upn + VALID.replace("\"K\"", "\"Z\"") + "}", "senProvision", "format", "validation"),
                Arguments.of("[]", "the body must be an object", null, "malformed-request"),
                Arguments.of("\"a pupil\"", "the body must be an object", null, "malformed-request"),
                Arguments.of("42", "the body must be an object", null, "malformed-request"),
                Arguments.of(
                        "{\"upn\":" + "[".repeat(1001) + "]".repeat(1001) + "}", "upn", "type", "malformed-request"),
                Arguments.of(
                        "{\"upn\":\"B801200005001\",",
                        "the body is not valid JSON (line 1, column 24)",
                        null,
                        "malformed-request"));
    }

    @ParameterizedTest
    @MethodSource("malformedPupils")
    void aMalformedPupilIsAProblemSayingWhatIsWrong(String body, String fieldOrDetail, String rule, String type) {
        ValidatableResponse answer = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/pupils")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type))
                .body("status", equalTo(400))
                .body("requestId", not(equalTo(null)))
                .body("detail", not(containsString("java")))
                .body("detail", not(containsString("uk.gov")))
                .body("detail", not(containsString("jackson")))
                .body("detail", not(containsString("B801200005001")));
        if (rule == null) {
            answer.body("detail", equalTo(fieldOrDetail));
        } else {
            answer.body("errors[0].field", equalTo(fieldOrDetail))
                    .body("errors[0].rule", equalTo(rule))
                    .body(
                            "detail",
                            anyOf(startsWith(fieldOrDetail + ": must be"), startsWith(fieldOrDetail + ": is not")));
        }
    }

    @Test
    void aPageNumberPastTheLimitIsRefusedNotOverflowed() {
        given().header("Authorization", schoolA())
                .queryParam("page", Integer.MAX_VALUE)
                .get("/api/v1/placements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void aTrueOrFalseParameterIsTrueOrFalseNotAnythingElseReadAsFalse() {
        given().header("Authorization", schoolA())
                .queryParam("reviewNeeded", "perhaps")
                .get("/api/v1/placements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"));
        given().header("Authorization", schoolA())
                .queryParam("reviewNeeded", "TRUE")
                .get("/api/v1/placements")
                .then()
                .statusCode(200);
    }
}
