package uk.gov.bristol.alp.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.notification.domain.Audience;
import uk.gov.bristol.alp.notification.domain.DeliveryStatus;
import uk.gov.bristol.alp.notification.domain.Notification;
import uk.gov.bristol.alp.notification.service.DeliveryLog;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;

/** The delivery log: every notification, whom it went to, and what happened to it. */
@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "The delivery log of emails sent by ALP, and resending")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
    Roles.HUB_OFFICER,
    Roles.OPERATOR,
    Roles.AUDITOR,
    Roles.SCHOOL_STAFF,
    Roles.PROVIDER_STAFF,
    Roles.FINANCE_OFFICER,
    Roles.REGISTRY_OFFICER,
    Roles.SEND_OFFICER
})
public class NotificationResource {
    private final DeliveryLog log;

    public NotificationResource(DeliveryLog log) {
        this.log = log;
    }

    /** A line of the log. */
    public record NotificationSummary(
            UUID id,
            UUID eventId,
            String eventType,
            String template,
            Audience audience,
            String recipientKey,
            String email,
            boolean urgent,
            String subject,
            String reference,
            DeliveryStatus status,
            int attempts,
            OffsetDateTime nextAttemptAt,
            String lastError,
            UUID digestId,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            String resentBy) {
        static NotificationSummary of(Notification n) {
            return new NotificationSummary(
                    n.id,
                    n.eventId,
                    n.eventType,
                    n.template,
                    n.audience,
                    n.recipientKey,
                    n.email,
                    n.urgent,
                    n.subject,
                    n.reference,
                    n.status,
                    n.attempts,
                    n.nextAttemptAt,
                    n.lastError,
                    n.digestId,
                    n.createdAt,
                    n.sentAt,
                    n.resentBy);
        }
    }

    /** One notification with the body as sent. */
    public record NotificationDetail(NotificationSummary summary, String body) {
        static NotificationDetail of(Notification n) {
            return new NotificationDetail(NotificationSummary.of(n), n.body);
        }
    }

    @GET
    @Operation(
            operationId = "listNotifications",
            summary = "The delivery log, newest first, within your scope",
            description = "The Hub, operators and auditors see every notification; a school its own, a provider its "
                    + "own, finance and registry officers their team's. Filter by state to find what failed.")
    public PageResult<NotificationSummary> list(
            @QueryParam("status") DeliveryStatus status,
            @QueryParam("audience") Audience audience,
            @QueryParam("recipientKey") @Size(max = 64) String recipientKey,
            @QueryParam("eventType") @Size(max = 200) String eventType,
            @QueryParam("reference") @Size(max = 64) String reference,
            @QueryParam("from") OffsetDateTime from,
            @QueryParam("to") OffsetDateTime to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        DeliveryLog.Filter filter =
                new DeliveryLog.Filter(status, audience, recipientKey, eventType, reference, from, to);
        return PageResult.of(log.list(filter, page, size), page, size, NotificationSummary::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getNotification", summary = "One notification with its body as sent")
    public NotificationDetail read(@PathParam("id") UUID id) {
        return NotificationDetail.of(log.read(id));
    }

    @POST
    @Path("{id}/resend")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.HUB_OFFICER, Roles.OPERATOR})
    @Operation(
            operationId = "resendNotification",
            summary = "Send a FAILED, UNCERTAIN or NO_RECIPIENT notification again",
            description = "To the address registered now. Only an officer resends: a notification never goes twice "
                    + "on its own.")
    public NotificationSummary resend(@PathParam("id") UUID id) {
        return NotificationSummary.of(log.resend(id));
    }
}
