package uk.gov.bristol.alp.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import uk.gov.bristol.alp.notification.domain.Preference;
import uk.gov.bristol.alp.notification.domain.Recipient;
import uk.gov.bristol.alp.notification.service.Recipients;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;

/** The register of recipients: the inbox each school, provider and team is told at, and how. */
@Path("/api/v1/notification-recipients")
@Tag(name = "Notification recipients", description = "Who is told: addresses and immediate or daily-digest choice")
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
public class RecipientResource {
    private final Recipients recipients;

    public RecipientResource(Recipients recipients) {
        this.recipients = recipients;
    }

    /**
     * An address to register. {@code key}: the school's URN for SCHOOL, the provider's id for PROVIDER, absent for a
     * team (HUB_DUTY, REGISTRY_TEAM, FINANCE_APPROVERS).
     */
    public record RecipientRequest(
            @NotNull Audience audience,
            @Size(max = 64) String key,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Preference preference) {}

    public record RecipientView(
            UUID id,
            Audience audience,
            String key,
            String email,
            Preference preference,
            String updatedBy,
            OffsetDateTime updatedAt) {
        static RecipientView of(Recipient r) {
            return new RecipientView(r.id, r.audience, r.key, r.email, r.preference, r.updatedBy, r.updatedAt);
        }
    }

    @GET
    @Operation(operationId = "listNotificationRecipients", summary = "Registered recipients within your scope")
    public PageResult<RecipientView> list(
            @QueryParam("audience") Audience audience,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return PageResult.of(recipients.list(audience, page, size), page, size, RecipientView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "registerNotificationRecipient",
            summary = "Register or change the address of an audience",
            description = "A school registers its own URN, a provider its own id, finance and registry officers "
                    + "their team's inbox; the Hub and operators any. Urgent notifications (safeguarding, a pupil "
                    + "not arrived) go at once whatever the preference.")
    public RecipientView register(@Valid @NotNull RecipientRequest request) {
        return RecipientView.of(
                recipients.register(request.audience(), request.key(), request.email(), request.preference()));
    }

    @DELETE
    // Nothing to answer but a problem: a client that accepts only problems (as generated ones do here) is not refused.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @Operation(operationId = "removeNotificationRecipient", summary = "Remove a registered address")
    public void remove(@PathParam("id") UUID id) {
        recipients.remove(id);
    }
}
