package uk.gov.bristol.alp.platform.inbox;

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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;

/**
 * Parked events, for operators (role alp-operator), at each service that consumes events: what could not be
 * applied and why, and replay once the cause is fixed (docs/operations.md).
 */
@Path("/api/v1/operations/parked-events")
@Tag(name = "Operations", description = "Events this service could not apply: inspect and replay")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class ParkedEventResource {
    private final ParkedEvents parked;

    public ParkedEventResource(ParkedEvents parked) {
        this.parked = parked;
    }

    public record ParkedSummary(
            long id,
            String consumer,
            UUID eventId,
            String eventType,
            String subject,
            String error,
            int attempts,
            OffsetDateTime parkedAt,
            OffsetDateTime replayedAt,
            String replayedBy,
            String replayOutcome) {
        static ParkedSummary of(ParkedEvent p) {
            return new ParkedSummary(
                    p.id,
                    p.consumer,
                    p.eventId,
                    p.eventType,
                    p.subject,
                    p.error,
                    p.attempts,
                    p.parkedAt,
                    p.replayedAt,
                    p.replayedBy,
                    p.replayOutcome);
        }
    }

    public record ParkedDetail(ParkedSummary summary, String record) {}

    public record ReplayResult(Map<EventHandler.Outcome, Integer> outcomes) {}

    @GET
    @Operation(summary = "Parked events, oldest first; waiting=true (the default) leaves out those replayed")
    public PageResult<ParkedSummary> list(
            @QueryParam("consumer") @Size(max = 200) String consumer,
            @QueryParam("type") @Size(max = 200) String type,
            @QueryParam("waiting") @DefaultValue("true") boolean waiting,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return PageResult.of(parked.list(consumer, type, waiting, page, size), page, size, ParkedSummary::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One parked event with the record as received (it may hold a pupil's details: audited)")
    public ParkedDetail read(@PathParam("id") long id) {
        ParkedEvent p = parked.read(id);
        return new ParkedDetail(ParkedSummary.of(p), p.record);
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Replay one parked event through its consumer; APPLIED, ALREADY_APPLIED (the inbox had it), "
                    + "NOT_HANDLED (a type it does not act on) or PARKED again (still failing: a new parked row says "
                    + "why)")
    public ReplayResult replay(@PathParam("id") long id) {
        return new ReplayResult(Map.of(parked.replay(id), 1));
    }

    @POST
    @Path("replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replay every waiting parked event of a consumer, or of one event type, oldest first")
    public ReplayResult replayAll(
            @QueryParam("consumer") @Size(max = 200) String consumer,
            @QueryParam("type") @Size(max = 200) String type) {
        return new ReplayResult(parked.replayAll(consumer, type));
    }
}
