package uk.gov.bristol.alp.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/** The conventions the filter applies to an operation as SmallRye writes it. */
class ApiDocumentConventionsTest {

    private static OpenAPI documentWith(String path, Operation get, Operation post) {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(path, OASFactory.createPathItem().GET(get).POST(post)));
    }

    @Test
    void namesSummarisesSecuresAndDocumentsTheProblemsOfEachOperation() {
        Operation read = OASFactory.createOperation()
                .operationId("ProviderResource_read")
                .summary("A provider's record: officers see everything; others see the public view")
                .parameters(List.of(OASFactory.createParameter().name("id").in(Parameter.In.PATH)))
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme")));
        Operation approve = OASFactory.createOperation()
                .operationId("ProviderResource_approve")
                .summary("Approve")
                .description("Written by hand.")
                .requestBody(OASFactory.createRequestBody())
                .parameters(List.of(
                        OASFactory.createParameter().name("id").in(Parameter.In.PATH),
                        OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)))
                .security(List.of(OASFactory.createSecurityRequirement()
                        .addScheme("SecurityScheme", List.of("registry-officer"))));
        OpenAPI api = documentWith("/api/v1/providers/{id}", read, approve);

        new ApiDocumentConventions().filterOpenAPI(api);

        assertEquals("providerRead", read.getOperationId());
        assertEquals("A provider's record", read.getSummary());
        assertEquals(
                "A provider's record: officers see everything; others see the public view.", read.getDescription());
        assertEquals("Approve", approve.getSummary(), "a description written by hand is kept");
        assertEquals("Written by hand.", approve.getDescription());

        SecurityRequirement needs = approve.getSecurity().get(0);
        assertEquals(List.of("registry-officer"), needs.getSchemes().get(ApiDocumentConventions.SCHEME));
        assertNull(api.getComponents().getSecuritySchemes().get("SecurityScheme"));
        var flows = api.getComponents()
                .getSecuritySchemes()
                .get(ApiDocumentConventions.SCHEME)
                .getFlows();
        assertTrue(flows.getAuthorizationCode().getScopes().containsKey("registry-officer"));
        assertTrue(flows.getClientCredentials().getScopes().containsKey("partner-authority"));

        assertEquals(
                List.of("400", "401", "403", "404", "500"),
                read.getResponses().getAPIResponses().keySet().stream().sorted().toList());
        assertEquals(
                List.of("400", "401", "403", "404", "409", "412", "415", "422", "428", "500"),
                approve.getResponses().getAPIResponses().keySet().stream()
                        .sorted()
                        .toList());
        assertNotNull(
                approve.getResponses().getAPIResponse("412").getContent().getMediaType("application/problem+json"));
        assertNotNull(api.getComponents().getSchemas().get("Problem"));
    }

    @Test
    void aPublicOperationNeedsNoTokenAndAnswersNoAuthenticationProblems() {
        Operation feed = OASFactory.createOperation().operationId("OpenReferralResource_services");
        OpenAPI api = documentWith("/api/v1/open-referral/services", feed, null);
        new ApiDocumentConventions().filterOpenAPI(api);
        assertEquals("openReferralServices", feed.getOperationId());
        assertEquals(
                List.of("500"),
                List.copyOf(feed.getResponses().getAPIResponses().keySet()));
    }

    @Test
    void aLongFirstClauseIsCutAtAWord() {
        String summary = ApiDocumentConventions.firstClause(
                "Change where a subscription posts and what it says of itself or pause it and resume it whenever the "
                        + "partner likes");
        assertTrue(summary.length() <= 93, summary);
        assertTrue(summary.endsWith("..."), summary);
        assertEquals("Register a provider", ApiDocumentConventions.firstClause("Register a provider (any authority)"));
    }

    @Test
    void identifiersDatesAndIdsGetExamplesThatFitTheirPatterns() {
        var pupil = OASFactory.createSchema()
                .addProperty("upn", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "ukprn",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .pattern("^2\\d{7}$"))
                .addProperty(
                        "startDate",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("date"))
                .addProperty(
                        "urn",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .examples(List.of("123456")));
        ApiDocumentConventions.examples(null, pupil, 0);
        String upn = (String) pupil.getProperties().get("upn").getExamples().get(0);
        assertTrue(uk.gov.bristol.alp.platform.identifiers.Upn.isValid(upn), upn);
        assertNull(pupil.getProperties().get("ukprn").getExamples(), "an example that breaks the pattern is not given");
        assertEquals(
                List.of("2027-01-11"), pupil.getProperties().get("startDate").getExamples());
        assertEquals(List.of("123456"), pupil.getProperties().get("urn").getExamples(), "its own example is kept");
    }
}
