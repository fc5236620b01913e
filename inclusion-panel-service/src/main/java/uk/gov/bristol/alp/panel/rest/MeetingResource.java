package uk.gov.bristol.alp.panel.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.panel.domain.PanelMeeting;
import uk.gov.bristol.alp.panel.rest.ReferralApi.AgendaEntry;
import uk.gov.bristol.alp.panel.rest.ReferralApi.MeetingView;
import uk.gov.bristol.alp.panel.service.MeetingService;
import uk.gov.bristol.alp.platform.security.Roles;

@Path("/api/v1/panel-meetings")
@Tag(name = "Panel meetings", description = "Meetings of the Inclusion Panel, their members, quorum and agenda")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HUB_OFFICER, Roles.PANEL_CHAIR, Roles.PANEL_MEMBER, Roles.AUDITOR})
public class MeetingResource {
    private final MeetingService meetings;
    private final Clock clock;

    public MeetingResource(MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.HUB_OFFICER, Roles.PANEL_CHAIR})
    @Operation(summary = "Schedule a meeting with its members and quorum")
    @APIResponseSchema(
            value = MeetingView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response schedule(@Valid @NotNull ReferralApi.ScheduleMeeting body, @Context UriInfo uri) {
        PanelMeeting m = meetings.schedule(body.date(), body.members(), body.memberAccountsOrNone(), body.quorum());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(m.id.toString()).build())
                .entity(MeetingView.of(m, List.of()))
                .build();
    }

    @GET
    @Operation(
            summary = "Meetings between two dates (default: from today, the next 90 days); a panel member sees "
                    + "the meetings that name their account")
    public List<MeetingView> list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = to != null ? to : start.plusDays(90);
        return meetings.list(start, end).stream()
                .map(m -> MeetingView.of(m, agenda(m.id)))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A meeting with its agenda")
    public MeetingView read(@PathParam("id") UUID id) {
        PanelMeeting m = meetings.read(id);
        return MeetingView.of(m, agenda(id));
    }

    @POST
    @Path("{id}/agenda")
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed({Roles.HUB_OFFICER, Roles.PANEL_CHAIR})
    @Operation(
            summary = "Put every submitted referral not yet on an agenda on this meeting's, Fair Access cases "
                    + "first, then oldest first")
    public MeetingView buildAgenda(@PathParam("id") UUID id) {
        meetings.buildAgenda(id);
        return read(id);
    }

    private List<AgendaEntry> agenda(UUID meetingId) {
        return meetings.agenda(meetingId).stream()
                .map(s -> AgendaEntry.of(s.item(), s.referral()))
                .toList();
    }
}
