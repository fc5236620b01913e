package uk.gov.bristol.alp.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.platform.web.Versions;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.ProviderCheck;
import uk.gov.bristol.alp.registry.domain.RegistrationStatus;
import uk.gov.bristol.alp.registry.domain.Specialism;
import uk.gov.bristol.alp.registry.rest.ProviderApi.ProviderView;
import uk.gov.bristol.alp.registry.service.ActingAuthority;
import uk.gov.bristol.alp.registry.service.ChangeFeed;
import uk.gov.bristol.alp.registry.service.ProviderAudience;
import uk.gov.bristol.alp.registry.service.ProviderFilter;
import uk.gov.bristol.alp.registry.service.ProviderService;

@Path("/api/v1/providers")
@Tag(name = "Providers", description = "The tri-authority framework of approved ALP providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderResource {
    private final ProviderService providers;
    private final Caller caller;
    private final ProviderAudience audience;
    private final ActingAuthority acting;
    private final ChangeFeed changeFeed;
    private final ProviderSearchPages searchPages;
    private final Authority homeAuthority;

    public ProviderResource(
            ProviderService providers,
            Caller caller,
            ProviderAudience audience,
            ActingAuthority acting,
            ChangeFeed changeFeed,
            ProviderSearchPages searchPages) {
        this.providers = providers;
        this.searchPages = searchPages;
        this.caller = caller;
        this.audience = audience;
        this.acting = acting;
        this.changeFeed = changeFeed;
        this.homeAuthority = acting.home();
    }

    @POST
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Register a provider (framework status APPLIED)")
    @APIResponseSchema(
            value = ProviderView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response register(@Valid @NotNull ProviderApi.RegisterProvider body, @Context UriInfo uri) {
        var provider = providers.register(body.toCommand(), body.detailsOrNone(), homeAuthority);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(provider.id.toString())
                        .build())
                .tag(Versions.etag(provider.version))
                .entity(ProviderView.of(provider, providers.compliance(provider.id), null))
                .build();
    }

    @GET
    @Authenticated
    @Operation(
            summary =
                    "Search the framework: by status, registration, lead authority, specialism, key stage, age, "
                            + "postcode district (e.g. BS5), free text (name, exact UKPRN or URN), a vacancy now (hasVacancy=true, for the specialism and key stage if given); modifiedSince with sort=UPDATED is the partner change feed (oldest change first)")
    public PageResult<ProviderView> list(
            @QueryParam("status") FrameworkStatus status,
            @QueryParam("registrationStatus") RegistrationStatus registration,
            @QueryParam("leadAuthority") String leadAuthority,
            @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("specialism") Specialism specialism,
            @QueryParam("keyStage") KeyStage keyStage,
            @QueryParam("age") @Min(4) @Max(25) Integer age,
            @QueryParam("postcodeDistrict") @Size(max = 4) String postcodeDistrict,
            @QueryParam("modifiedSince") OffsetDateTime modifiedSince,
            @QueryParam("hasVacancy") Boolean hasVacancy,
            @QueryParam("sort") @DefaultValue("NAME") ProviderFilter.Sort sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var filter = new ProviderFilter(
                status,
                registration,
                leadAuthority == null ? null : authority("leadAuthority", leadAuthority),
                text,
                specialism,
                keyStage,
                age,
                postcodeDistrict,
                modifiedSince,
                hasVacancy,
                sort);
        var found = searchPages.find(filter, page, size);
        return new PageResult<>(
                found.items().stream().map(this::visible).toList(),
                found.page(),
                found.size(),
                found.totalItems(),
                found.totalPages());
    }

    @GET
    @Path("changes")
    @Authenticated
    @Operation(
            summary = "The change feed by cursor: providers in the order they changed, from the cursor the last page "
                    + "gave (none: from the start); a change is never skipped, even one committed late, and a "
                    + "provider changed again comes again with its new state. Poll with the last `next`.")
    public ChangesView changes(
            @QueryParam("after") @Size(max = 200) String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        ChangeFeed.Page page = changeFeed.after(after, limit);
        return new ChangesView(
                page.changes().stream()
                        .map(c -> visible(ProviderView.of(c.provider(), null, null)))
                        .toList(),
                page.next(),
                page.more());
    }

    /** {@code next}: the cursor to ask from next; {@code more}: whether more changes are ready now. */
    public record ChangesView(List<ProviderView> items, String next, boolean more) {}

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(
            summary =
                    "A provider's record: officers, partners, auditors and the provider itself see status, compliance "
                            + "today, every check, rates and private contacts; others see the public view")
    @APIResponseSchema(value = ProviderView.class, responseCode = "200", responseDescription = "OK")
    public Response read(@PathParam("id") UUID id) {
        var record = providers.read(id);
        return Response.ok(visible(ProviderView.of(record)))
                .tag(Versions.etag(record.provider().version))
                .build();
    }

    @POST
    @Path("{id}/checks")
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.PARTNER_AUTHORITY})
    @Operation(summary = "Record a check; history is kept, a new check never overwrites an old one")
    @APIResponseSchema(
            value = ProviderApi.CheckView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response recordCheck(
            @PathParam("id") UUID id, @Valid @NotNull ProviderApi.RecordCheck body, @Context UriInfo uri) {
        ProviderCheck check = providers.recordCheck(id, body.toCommand(), acting.current(), caller.username());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(check.id.toString()).build())
                .entity(ProviderApi.CheckView.of(check))
                .build();
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(
            summary =
                    "Approve an applicant onto the framework; refused unless every mandatory check passed and is in date")
    @APIResponseSchema(value = ProviderView.class, responseCode = "200", responseDescription = "OK")
    public Response approve(
            @PathParam("id") UUID id, @Valid ProviderApi.StatusChange body, @HeaderParam("If-Match") String ifMatch) {
        providers.approve(id, body == null ? null : body.reason(), ifMatch, homeAuthority);
        return read(id);
    }

    @POST
    @Path("{id}/reinstate")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Reinstate a suspended provider; refused unless every mandatory check passed and is in date")
    @APIResponseSchema(value = ProviderView.class, responseCode = "200", responseDescription = "OK")
    public Response reinstate(
            @PathParam("id") UUID id,
            @Valid @NotNull ProviderApi.ReasonedChange body,
            @HeaderParam("If-Match") String ifMatch) {
        providers.reinstate(id, body.reason(), ifMatch, homeAuthority);
        return read(id);
    }

    @POST
    @Path("{id}/remove")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Remove a provider from the framework, with a reason")
    @APIResponseSchema(value = ProviderView.class, responseCode = "200", responseDescription = "OK")
    public Response remove(
            @PathParam("id") UUID id,
            @Valid @NotNull ProviderApi.ReasonedChange body,
            @HeaderParam("If-Match") String ifMatch) {
        providers.remove(id, body.reason(), ifMatch, homeAuthority);
        return read(id);
    }

    @PUT
    @Path("{id}/details")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(
            summary =
                    "Replace the provider's offer (specialisms, ages, sites, contacts, SLA, rates); If-Match required")
    @APIResponseSchema(value = ProviderView.class, responseCode = "200", responseDescription = "OK")
    public Response updateDetails(
            @PathParam("id") UUID id,
            @Valid @NotNull ProviderApi.Details body,
            @HeaderParam("If-Match") String ifMatch) {
        providers.updateDetails(id, body.toDomain(), ifMatch, homeAuthority);
        return read(id);
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Suspend from the framework, with a reason")
    @APIResponseSchema(value = ProviderView.class, responseCode = "200", responseDescription = "OK")
    public Response suspend(
            @PathParam("id") UUID id,
            @Valid @NotNull ProviderApi.ReasonedChange body,
            @HeaderParam("If-Match") String ifMatch) {
        providers.suspend(id, body.reason(), ifMatch, homeAuthority);
        return read(id);
    }

    @GET
    @Path("{id}/audit")
    @RolesAllowed({Roles.AUDITOR, Roles.REGISTRY_OFFICER})
    @Operation(summary = "Every change to the provider: who, for which authority, when, what changed")
    public List<AuditLog.Entry> audit(@PathParam("id") UUID id) {
        return providers.auditTrail(id);
    }

    private ProviderView visible(ProviderView full) {
        return audience.seesFullRecord(full.id()) ? full : full.publicView();
    }

    private static Authority authority(String field, String code) {
        try {
            return Authority.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "authority", e.getMessage());
        }
    }

    /** A partner authority's officers act for their own authority; the registry's own officers for the home one. */
}
