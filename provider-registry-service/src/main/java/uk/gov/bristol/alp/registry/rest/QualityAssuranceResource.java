package uk.gov.bristol.alp.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.domain.QaAction;
import uk.gov.bristol.alp.registry.domain.QaVisit;
import uk.gov.bristol.alp.registry.domain.QualityAssurance;
import uk.gov.bristol.alp.registry.service.ActingAuthority;
import uk.gov.bristol.alp.registry.service.QualityAssuranceService;

/** A provider's quality assurance: visits, findings, actions, and the state commissioners see. */
@Path("/api/v1/providers/{id}/quality-assurance")
@Tag(name = "Quality assurance", description = "QA visits to providers, their findings and actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QualityAssuranceResource {
    private final QualityAssuranceService qa;
    private final ActingAuthority acting;

    public QualityAssuranceResource(QualityAssuranceService qa, ActingAuthority acting) {
        this.qa = qa;
        this.acting = acting;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "The provider's QA state (risk, last visit and rating, next visit due, open and overdue "
                    + "actions), its visits with their findings, and its actions (those who see its full record)")
    public QaRecordView read(@PathParam("id") UUID id) {
        return QaRecordView.of(qa.read(id));
    }

    @POST
    @Path("visits")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Schedule the provider's next QA visit, or move the one scheduled")
    public VisitView schedule(@PathParam("id") UUID id, @Valid @NotNull Schedule body) {
        return VisitView.of(qa.schedule(id, body.dueOn()));
    }

    @POST
    @Path("visits/{visitId}/record")
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.PARTNER_AUTHORITY})
    @Operation(
            summary = "Record a scheduled visit: a finding for every area, the actions it asks for; the framework's "
                    + "QA check is recorded (failed if inadequate) and the next visit is scheduled by risk")
    public VisitView record(
            @PathParam("id") UUID id, @PathParam("visitId") UUID visitId, @Valid @NotNull RecordVisit body) {
        return VisitView.of(qa.record(id, visitId, body.toReport(), acting.current()));
    }

    @PUT
    @Path("risk")
    @RolesAllowed(Roles.REGISTRY_OFFICER)
    @Operation(summary = "Set how closely QA watches the provider (LOW 12 months, MEDIUM 6, HIGH 3 between visits)")
    public QualityAssuranceService.State risk(@PathParam("id") UUID id, @Valid @NotNull RiskChange body) {
        return qa.setRisk(id, body.risk(), body.reason().strip());
    }

    @POST
    @Path("actions/{actionId}/done")
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.PROVIDER_STAFF})
    @Operation(summary = "Record a QA action as done (the registry, or the provider itself), saying what was done")
    public ActionView done(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId, @Valid @NotNull Done body) {
        return ActionView.of(qa.actionDone(id, actionId, body.note().strip()));
    }

    public record Schedule(@NotNull LocalDate dueOn) {}

    public record RiskChange(
            @NotNull QualityAssurance.Risk risk,
            @NotBlank @Size(max = 2000) String reason) {}

    public record Done(@NotBlank @Size(max = 2000) String note) {}

    public record Finding(
            @NotNull QualityAssurance.Area area,
            @NotNull QualityAssurance.Rating rating,
            @NotBlank @Size(max = 4000) String finding) {}

    public record Action(
            @NotNull QualityAssurance.Area area,
            @NotBlank @Size(max = 2000) String action,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueOn) {}

    public record RecordVisit(
            @NotNull @PastOrPresent LocalDate visitedOn,
            @NotNull QualityAssurance.Rating rating,
            @NotNull @Size(max = 20) List<@Valid @NotNull Finding> findings,
            @Size(max = 10_000) String summary,
            @Size(max = 50) List<@Valid @NotNull Action> actions) {
        QualityAssuranceService.VisitReport toReport() {
            return new QualityAssuranceService.VisitReport(
                    visitedOn,
                    rating,
                    findings.stream()
                            .map(f -> new QualityAssurance.Finding(
                                    f.area(), f.rating(), f.finding().strip()))
                            .toList(),
                    summary,
                    actions == null
                            ? List.of()
                            : actions.stream()
                                    .map(a -> new QualityAssuranceService.NewAction(
                                            a.area(),
                                            a.action().strip(),
                                            a.owner().strip(),
                                            a.dueOn()))
                                    .toList());
        }
    }

    public record VisitView(
            UUID id,
            LocalDate dueOn,
            QaVisit.Status status,
            LocalDate visitedOn,
            String visitedBy,
            QualityAssurance.Rating rating,
            List<QualityAssurance.Finding> findings,
            String summary,
            OffsetDateTime recordedAt) {
        static VisitView of(QaVisit v) {
            return new VisitView(
                    v.id, v.dueOn, v.status, v.visitedOn, v.visitedBy, v.rating, v.findings, v.summary, v.recordedAt);
        }
    }

    public record ActionView(
            UUID id,
            UUID visitId,
            QualityAssurance.Area area,
            String action,
            String owner,
            LocalDate dueOn,
            QaAction.Status status,
            LocalDate doneOn,
            String doneBy,
            String doneNote) {
        static ActionView of(QaAction a) {
            return new ActionView(
                    a.id, a.visitId, a.area, a.action, a.owner, a.dueOn, a.status, a.doneOn, a.doneBy, a.doneNote);
        }
    }

    public record QaRecordView(QualityAssuranceService.State state, List<VisitView> visits, List<ActionView> actions) {
        static QaRecordView of(QualityAssuranceService.Record r) {
            return new QaRecordView(
                    r.state(),
                    r.visits().stream().map(VisitView::of).toList(),
                    r.actions().stream().map(ActionView::of).toList());
        }
    }
}
