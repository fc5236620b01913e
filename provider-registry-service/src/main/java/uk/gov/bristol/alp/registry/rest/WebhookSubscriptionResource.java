package uk.gov.bristol.alp.registry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.registry.domain.WebhookDelivery;
import uk.gov.bristol.alp.registry.domain.WebhookSubscription;
import uk.gov.bristol.alp.registry.service.WebhookSubscriptions;

/** Partner push: an authority's subscriptions to provider changes, and their delivery logs. */
@Path("/api/v1/webhook-subscriptions")
@Tag(
        name = "Partner push",
        description = "Provider changes posted to a partner's HTTPS endpoint, signed (Standard Webhooks, HMAC-SHA256),"
                + " in order per provider, retried for 24 hours; see docs/domain-rules.md, \"Partner push\"")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookSubscriptionResource {
    private final WebhookSubscriptions subscriptions;

    public WebhookSubscriptionResource(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public record Subscribe(
            @NotBlank @Size(max = 2000) String callbackUrl,
            @Size(max = 500) String description,
            @Size(max = 200) String after) {}

    public record Change(
            @NotBlank @Size(max = 2000) String callbackUrl,
            @Size(max = 500) String description,
            @NotNull WebhookSubscription.Status status) {}

    public record Replay(@Size(max = 200) String after) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(
            UUID id,
            String authority,
            String callbackUrl,
            String description,
            WebhookSubscription.Status status,
            String cursor,
            OffsetDateTime previousSecretValidUntil,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            String secret) {

        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(
                    s.id,
                    s.authority,
                    s.callbackUrl,
                    s.description,
                    s.status,
                    s.feedCursor,
                    s.previousSecretUntil,
                    s.createdBy,
                    s.createdAt,
                    s.updatedAt,
                    secret);
        }

        static SubscriptionView of(WebhookSubscriptions.WithSecret made) {
            return of(made.subscription(), made.secret());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(
            UUID id,
            UUID providerId,
            long providerVersion,
            String cursor,
            WebhookDelivery.Status status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime firstAttemptAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime finishedAt,
            String body) {

        static DeliveryView of(WebhookDelivery d, boolean withBody) {
            boolean waiting = d.status == WebhookDelivery.Status.PENDING;
            return new DeliveryView(
                    d.id,
                    d.providerId,
                    d.providerVersion,
                    d.feedCursor,
                    d.status,
                    d.attempts,
                    d.lastStatusCode,
                    d.lastError,
                    d.createdAt,
                    d.firstAttemptAt,
                    waiting ? d.nextAttemptAt : null,
                    d.finishedAt,
                    withBody ? d.body : null);
        }
    }

    @POST
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER})
    @Operation(
            summary = "Subscribe an HTTPS endpoint to provider changes from now (or from a change feed cursor, "
                    + "`after`); the answer carries the signing secret, shown this once")
    @APIResponseSchema(
            value = SubscriptionView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response subscribe(@Valid @NotNull Subscribe body, @Context UriInfo uri) {
        var made = subscriptions.subscribe(body.callbackUrl(), body.description(), body.after());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(made.subscription().id.toString())
                        .build())
                .entity(SubscriptionView.of(made))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The caller's authority's subscriptions (an auditor's: every authority's); paged")
    public PageResult<SubscriptionView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResult.of(subscriptions.list(page, size), page, size, s -> SubscriptionView.of(s, null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "A subscription (never its secret)")
    public SubscriptionView read(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.read(id), null);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER})
    @Operation(
            summary = "Change where a subscription posts and what it says of itself, or pause it (`PAUSED`: changes "
                    + "wait) and resume it (`ACTIVE`: what waited is sent, in order)")
    public SubscriptionView change(@PathParam("id") UUID id, @Valid @NotNull Change body) {
        return SubscriptionView.of(
                subscriptions.update(id, body.callbackUrl(), body.description(), body.status()), null);
    }

    @POST
    @Path("{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER})
    @Operation(
            summary = "Rotate the signing secret: the answer carries the new one; for 24 hours each request is signed "
                    + "with both, so the receiver can switch without missing a delivery")
    public SubscriptionView rotateSecret(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.rotateSecret(id));
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER})
    @Operation(
            summary = "Send again every provider changed after a cursor (a delivery's `data.cursor`, or the change "
                    + "feed's; none: from the start), each at its state now")
    public SubscriptionView replay(@PathParam("id") UUID id, @Valid @NotNull Replay body) {
        return SubscriptionView.of(subscriptions.replay(id, body.after()), null);
    }

    @DELETE
    // Nothing to answer but a problem: a client that accepts only problems (as generated ones do here) is not refused.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER})
    @Operation(summary = "Unsubscribe: nothing more is sent, and the subscription's delivery log goes with it")
    @APIResponse(responseCode = "204", description = "Done: nothing to answer")
    public Response unsubscribe(@PathParam("id") UUID id) {
        subscriptions.unsubscribe(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER, Roles.AUDITOR})
    @Operation(
            summary = "The delivery log, newest first: each change sent or to send, its tries, the last answer, when "
                    + "it is tried next; finished deliveries are kept 30 days; paged")
    public PageResult<DeliveryView> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("status") WebhookDelivery.Status status,
            @QueryParam("providerId") UUID providerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResult.of(
                subscriptions.deliveries(id, status, providerId, page, size),
                page,
                size,
                d -> DeliveryView.of(d, false));
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @RolesAllowed({Roles.PARTNER_AUTHORITY, Roles.REGISTRY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "One delivery with the body as sent")
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDelivery d = subscriptions.delivery(id, deliveryId);
        if (d == null) {
            throw ProblemException.notFound("webhook delivery", deliveryId);
        }
        return DeliveryView.of(d, true);
    }
}
