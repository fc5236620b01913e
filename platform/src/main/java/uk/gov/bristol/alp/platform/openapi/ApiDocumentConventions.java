package uk.gov.bristol.alp.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import uk.gov.bristol.alp.platform.identifiers.Upn;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Every service's OpenAPI document follows the conventions of docs/api.md, applied here once rather than on each of
 * the operations: a stable {@code operationId} from the resource and method ({@code providerRead} for
 * {@code ProviderResource.read}); a short summary with the full sentence as the description; the realm's roles as
 * the OAuth 2 scopes each operation needs, with Keycloak's authorisation code (PKCE) and client credentials flows;
 * every error answer an operation can give, as an RFC 9457 problem; and examples for the domain's identifiers and
 * for dates, times and ids wherever a schema gives none, so every request and answer shows realistic values.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ApiDocumentConventions implements OASFilter {
    /** The security scheme's name in every document. */
    public static final String SCHEME = "keycloak";

    private static final String GENERATED_SCHEME = "SecurityScheme";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final int SHORT_SUMMARY = 90;

    static final Map<String, String> ROLES = roles();

    /** Examples by property name (the domain's identifiers), valid by the rules the services apply to them. */
    static final Map<String, String> EXAMPLES_BY_NAME = Map.of(
            "ukprn", "10012345",
            "urn", "100001",
            "schoolUrn", "100001",
            "upn", Upn.checkLetter("801300020001") + "801300020001",
            "postcode", "BS1 5TR",
            "email", "alp.hub@bristol.gov.uk",
            "callbackUrl", "https://partner.example.org/alp-hook");

    /** Examples by string format. */
    static final Map<String, String> EXAMPLES_BY_FORMAT = Map.of(
            "date", "2027-01-11",
            "date-time", "2027-01-11T09:30:00Z",
            "uuid", "3f2b8a4e-5c1d-4e7a-9b0c-2d6e8f1a4c3b",
            "email", "alp.hub@bristol.gov.uk",
            "uri", "https://alp.example.gov.uk");

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(Roles.HUB_OFFICER, "ALP Hub officer");
        roles.put(Roles.SEND_OFFICER, "SEND officer");
        roles.put(Roles.PANEL_MEMBER, "Inclusion Panel member");
        roles.put(Roles.PANEL_CHAIR, "Inclusion Panel chair");
        roles.put(Roles.FINANCE_OFFICER, "Finance officer");
        roles.put(Roles.REGISTRY_OFFICER, "Provider registry officer");
        roles.put(Roles.SCHOOL_STAFF, "School staff (scoped by the school_urn claim)");
        roles.put(Roles.PROVIDER_STAFF, "Provider staff (scoped by the provider_id claim)");
        roles.put(Roles.PARTNER_AUTHORITY, "Partner authority (scoped by the authority claim)");
        roles.put(Roles.AUDITOR, "Auditor (every read audited)");
        roles.put(Roles.OPERATOR, "Operator: parked events and their replay");
        return roles;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.removeSecurityScheme(GENERATED_SCHEME);
        components.addSecurityScheme(SCHEME, keycloak());
        components.addSchema(PROBLEM, problemSchema());
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(schema -> examples(null, schema, 0));
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().forEach((method, operation) -> conventions(method, operation)));
    }

    private static void conventions(PathItem.HttpMethod method, Operation operation) {
        operationId(operation);
        summaryAndDescription(operation);
        boolean secured = security(operation);
        errors(method, operation, secured);
    }

    /** {@code ProviderResource_read} (the CLASS_METHOD strategy) becomes {@code providerRead}. */
    static void operationId(Operation operation) {
        String id = operation.getOperationId();
        if (id == null || !id.contains("_")) {
            return;
        }
        String type = id.substring(0, id.indexOf('_')).replaceFirst("Resource$", "");
        String method = id.substring(id.indexOf('_') + 1);
        operation.setOperationId(Character.toLowerCase(type.charAt(0))
                + type.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1));
    }

    /** The sentence written on the operation is its description; its first clause, its summary. */
    static void summaryAndDescription(Operation operation) {
        String written = operation.getSummary();
        if (written == null || operation.getDescription() != null) {
            return;
        }
        operation.setDescription(written.endsWith(".") ? written : written + ".");
        operation.setSummary(firstClause(written));
    }

    static String firstClause(String sentence) {
        int end = sentence.length();
        for (String stop : List.of(": ", "; ", " (", " - ", ", so ", ", or ", ", and ")) {
            int at = sentence.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        String clause = sentence.substring(0, end).strip();
        if (clause.length() <= SHORT_SUMMARY) {
            return clause;
        }
        int cut = clause.lastIndexOf(' ', SHORT_SUMMARY - 1);
        return clause.substring(0, cut > 0 ? cut : SHORT_SUMMARY) + "...";
    }

    /** Gives a string schema without an example one by its property name or format, if it fits the pattern. */
    static void examples(String property, Schema schema, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        if (schema.getExample() == null
                && (schema.getExamples() == null || schema.getExamples().isEmpty())
                && schema.getRef() == null
                && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getEnumeration() == null) {
            String example = Optional.ofNullable(property)
                    .map(EXAMPLES_BY_NAME::get)
                    .orElseGet(() -> schema.getFormat() == null ? null : EXAMPLES_BY_FORMAT.get(schema.getFormat()));
            if (example != null
                    && (schema.getPattern() == null
                            || Pattern.compile(schema.getPattern())
                                    .matcher(example)
                                    .find())
                    && (schema.getMaxLength() == null || example.length() <= schema.getMaxLength())) {
                schema.setExamples(List.of(example));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, child) -> examples(name, child, depth + 1));
        }
        examples(null, schema.getItems(), depth + 1);
    }

    /** Roles required become the keycloak scheme's scopes. Returns whether the operation needs a token. */
    private static boolean security(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return false;
        }
        List<SecurityRequirement> rewritten = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            List<String> roles = requirement.getSchemes().getOrDefault(GENERATED_SCHEME, List.of());
            rewritten.add(OASFactory.createSecurityRequirement().addScheme(SCHEME, new ArrayList<>(roles)));
        }
        operation.setSecurity(rewritten);
        return true;
    }

    private static void errors(PathItem.HttpMethod method, Operation operation, boolean secured) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<Parameter> parameters =
                Optional.ofNullable(operation.getParameters()).orElse(List.of());
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean takesInput = !parameters.isEmpty() || operation.getRequestBody() != null;
        if (takesInput) {
            problem(responses, ProblemType.VALIDATION, "The request is not valid: `errors` names each field and rule");
        }
        if (secured) {
            problem(responses, ProblemType.UNAUTHENTICATED, "No bearer token, or one that is not valid");
            problem(responses, ProblemType.FORBIDDEN, "The caller's roles may not do this");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problem(
                    responses,
                    ProblemType.NOT_FOUND,
                    "No such record, or one outside the caller's scope (the same answer, so ids cannot be probed)");
        }
        if (writes) {
            problem(
                    responses,
                    ProblemType.CONFLICT,
                    "A domain rule refused it: `type` names the rule, one of `" + ProblemType.BASE
                            + "rules/...` in docs/domain-rules.md, \"Index of problem types\"");
            problem(
                    responses,
                    422,
                    "The request breaks a domain rule: `type` names the rule (docs/domain-rules.md, \"Index of problem "
                            + "types\")");
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            problem(responses, ProblemType.STALE_VERSION, "The record changed since the ETag sent in If-Match");
            problem(responses, ProblemType.PRECONDITION_REQUIRED, "This change needs If-Match with the record's ETag");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body's media type is not accepted here");
        }
        problem(responses, ProblemType.INTERNAL, "Something went wrong on our side; the request id is in the answer");
    }

    private static void problem(APIResponses responses, ProblemType type, String description) {
        problem(responses, type.status(), description);
    }

    private static void problem(APIResponses responses, int code, String description) {
        String status = Integer.toString(code);
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return; // the operation documents this answer itself
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_REF)))));
    }

    private static org.eclipse.microprofile.openapi.models.security.SecurityScheme keycloak() {
        String realm = realmUrl();
        var flow = OASFactory.createOAuthFlow()
                .tokenUrl(realm + "/protocol/openid-connect/token")
                .scopes(new LinkedHashMap<>(ROLES));
        var code = OASFactory.createOAuthFlow()
                .authorizationUrl(realm + "/protocol/openid-connect/auth")
                .tokenUrl(realm + "/protocol/openid-connect/token")
                .scopes(new LinkedHashMap<>(ROLES));
        return OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.OAUTH2)
                .description("Keycloak, realm alp: people by authorisation code with PKCE (S256), through the public "
                        + "client alp-web; school MIS, provider systems and partner authorities by client credentials. "
                        + "The scopes are the realm's roles, carried in the token's realm_access.roles; the school_urn, "
                        + "provider_id and authority claims narrow them (docs/access-matrix.md)")
                .flows(OASFactory.createOAuthFlows().authorizationCode(code).clientCredentials(flow));
    }

    /** The realm the services trust ({@code quarkus.oidc.auth-server-url}); a placeholder when building. */
    private static String realmUrl() {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                    .filter(url -> url.startsWith("http"))
                    .map(url -> url.replaceAll("/+$", ""))
                    .orElse("https://auth.alp.bristol.gov.uk/realms/alp");
        } catch (RuntimeException unresolved) {
            return "https://auth.alp.bristol.gov.uk/realms/alp";
        }
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The field, parameter or header at fault"))
                .addProperty(
                        "rule",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The rule it breaks, for example `required`, `ukprn`, `https`"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem. `type` is stable: switch on it, never on `title` or `detail`")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("What went wrong: " + ProblemType.BASE + "{kind} or " + ProblemType.BASE
                                        + "rules/{rule} (docs/domain-rules.md, \"Index of problem types\")"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "requestId",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("Quote it to the service desk; it is in the logs and traces"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
