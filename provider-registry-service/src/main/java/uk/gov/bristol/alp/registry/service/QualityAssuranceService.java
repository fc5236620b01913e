package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.QaAction;
import uk.gov.bristol.alp.registry.domain.QaVisit;
import uk.gov.bristol.alp.registry.domain.QualityAssurance;
import uk.gov.bristol.alp.registry.domain.RegistryRules;

/**
 * Quality assurance of providers (docs/domain-rules.md, "Quality assurance"): a visit is scheduled by the provider's
 * risk, recorded with findings in every area of the framework and the actions it asks for; recording it records the
 * framework's QA check (failed if inadequate) and schedules the next visit; actions are followed up to done. Overdue
 * visits and actions are on the registry's QA attention list.
 */
@ApplicationScoped
public class QualityAssuranceService {
    private final ProviderService providers;
    private final ProviderAudience audience;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public QualityAssuranceService(
            ProviderService providers, ProviderAudience audience, Caller caller, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.audience = audience;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a visit recorded asks to be done. */
    public record NewAction(QualityAssurance.Area area, String action, String owner, LocalDate dueOn) {}

    public record VisitReport(
            LocalDate visitedOn,
            QualityAssurance.Rating rating,
            List<QualityAssurance.Finding> findings,
            String summary,
            List<NewAction> actions) {}

    /** Where a provider stands: its risk, last visit and rating, next visit due, and its open and overdue actions. */
    public record State(
            QualityAssurance.Risk risk,
            LocalDate lastVisitOn,
            QualityAssurance.Rating lastRating,
            LocalDate nextVisitDue,
            boolean visitOverdue,
            long openActions,
            long overdueActions) {}

    public record Record(State state, List<QaVisit> visits, List<QaAction> actions) {}

    public enum AttentionKind {
        QA_VISIT_OVERDUE,
        QA_ACTION_OVERDUE
    }

    public record Attention(
            UUID providerId, String providerName, AttentionKind kind, UUID subject, LocalDate since, String detail) {}

    @Transactional
    public Record read(UUID providerId) {
        visible(providerId);
        audit.record(AuditLog.Action.READ, "provider-quality-assurance", providerId);
        return new Record(state(providerId), QaVisit.of(providerId), QaAction.of(providerId));
    }

    /** Schedules the provider's next visit, or moves the one already scheduled. */
    @Transactional
    public QaVisit schedule(UUID providerId, LocalDate dueOn) {
        Provider p = locked(providerId);
        QaVisit visit = QaVisit.nextFor(p.id).orElse(null);
        if (visit == null) {
            visit = QaVisit.scheduled(p.id, dueOn);
            visit.persist();
            audit.record(AuditLog.Action.UPDATE, "provider", p.id, "QA visit scheduled, due " + dueOn);
        } else {
            audit.record(
                    AuditLog.Action.UPDATE, "provider", p.id, "QA visit moved from " + visit.dueOn + " to " + dueOn);
            visit.dueOn = dueOn;
        }
        return visit;
    }

    /**
     * Records a scheduled visit: every area reported on once, its actions set; the framework's QA check is recorded
     * (passed unless inadequate, valid until the next visit is due) and the next visit is scheduled by risk.
     */
    @Transactional
    public QaVisit record(UUID providerId, UUID visitId, VisitReport report, Authority actingFor) {
        Provider p = locked(providerId);
        QaVisit visit = QaVisit.findById(visitId, LockModeType.PESSIMISTIC_WRITE);
        if (visit == null || !visit.providerId.equals(p.id)) {
            throw ProblemException.notFound("QA visit", visitId);
        }
        if (visit.status != QaVisit.Status.SCHEDULED) {
            throw new ProblemException(RegistryRules.QA_VISIT_STATUS, "the visit is " + visit.status);
        }
        requireEveryAreaOnce(report.findings());
        List<FieldError> lateActions = new ArrayList<>();
        for (int i = 0; i < report.actions().size(); i++) {
            if (report.actions().get(i).dueOn().isBefore(report.visitedOn())) {
                lateActions.add(
                        new FieldError("actions[" + i + "].dueOn", "onOrAfterVisit", "must be on or after the visit"));
            }
        }
        if (!lateActions.isEmpty()) {
            throw new ProblemException(
                    uk.gov.bristol.alp.platform.problem.ProblemType.VALIDATION,
                    "an action is due before the visit",
                    lateActions);
        }
        visit.status = QaVisit.Status.COMPLETED;
        visit.visitedOn = report.visitedOn();
        visit.visitedBy = caller.username();
        visit.rating = report.rating();
        visit.findings = List.copyOf(report.findings());
        visit.summary = report.summary();
        visit.recordedBy = caller.username();
        visit.recordedAt = OffsetDateTime.now(clock);
        for (NewAction a : report.actions()) {
            QaAction action = new QaAction();
            action.id = UUID.randomUUID();
            action.visitId = visit.id;
            action.providerId = p.id;
            action.area = a.area();
            action.action = a.action();
            action.owner = a.owner();
            action.dueOn = a.dueOn();
            action.status = QaAction.Status.OPEN;
            action.persist();
        }
        // Hibernate inserts before it updates: the visit leaves SCHEDULED first, as the one-scheduled index wants.
        QaVisit.getEntityManager().flush();
        LocalDate next = QualityAssurance.nextDue(report.visitedOn(), p.qaRisk);
        QaVisit.scheduled(p.id, next).persist();
        QaVisit.getEntityManager().flush();
        audit.record(
                AuditLog.Action.UPDATE,
                "provider",
                p.id,
                "QA visit on " + report.visitedOn() + " rated " + report.rating() + ", "
                        + report.actions().size() + " action(s); next due " + next);
        providers.recordCheck(
                p.id,
                new ProviderService.NewCheck(
                        CheckKind.QUALITY_ASSURANCE_VISIT,
                        report.rating().checkOutcome(),
                        report.visitedOn(),
                        next,
                        "QA visit " + visit.id,
                        "rated " + report.rating()),
                actingFor,
                caller.username());
        return visit;
    }

    /** A new risk: the scheduled visit moves to one interval of the new risk after the last visit. */
    @Transactional
    public State setRisk(UUID providerId, QualityAssurance.Risk risk, String reason) {
        Provider p = locked(providerId);
        QualityAssurance.Risk before = p.qaRisk;
        p.qaRisk = risk;
        QaVisit.lastFor(p.id)
                .ifPresent(last -> QaVisit.nextFor(p.id)
                        .ifPresent(next -> next.dueOn = QualityAssurance.nextDue(last.visitedOn, risk)));
        audit.record(AuditLog.Action.UPDATE, "provider", p.id, "QA risk " + before + " -> " + risk + ": " + reason);
        QaVisit.getEntityManager().flush();
        return state(p.id);
    }

    /** The registry, or the provider itself, records an action as done. */
    @Transactional
    public QaAction actionDone(UUID providerId, UUID actionId, String note) {
        visible(providerId);
        QaAction action = QaAction.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
        if (action == null || !action.providerId.equals(providerId)) {
            throw ProblemException.notFound("QA action", actionId);
        }
        if (action.status == QaAction.Status.DONE) {
            throw new ProblemException(RegistryRules.QA_VISIT_STATUS, "the action was done on " + action.doneOn);
        }
        action.status = QaAction.Status.DONE;
        action.doneOn = LocalDate.now(clock);
        action.doneBy = caller.username();
        action.doneNote = note;
        audit.record(AuditLog.Action.UPDATE, "provider", providerId, "QA action done: " + action.action);
        return action;
    }

    /** Overdue visits and actions across providers, oldest first. */
    @Transactional
    public List<Attention> attention() {
        LocalDate today = LocalDate.now(clock);
        List<QaVisit> visits = QaVisit.list("status = ?1 and dueOn < ?2", QaVisit.Status.SCHEDULED, today);
        List<QaAction> actions = QaAction.list("status = ?1 and dueOn < ?2", QaAction.Status.OPEN, today);
        List<UUID> ids = new ArrayList<>();
        visits.forEach(v -> ids.add(v.providerId));
        actions.forEach(a -> ids.add(a.providerId));
        Map<UUID, String> names = ids.isEmpty()
                ? Map.of()
                : Provider.<Provider>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(p -> p.id, p -> p.name, (a, b) -> a));
        List<Attention> out = new ArrayList<>();
        visits.forEach(v -> out.add(new Attention(
                v.providerId,
                names.get(v.providerId),
                AttentionKind.QA_VISIT_OVERDUE,
                v.id,
                v.dueOn,
                "QA visit due on " + v.dueOn + " not yet recorded")));
        actions.forEach(a -> out.add(new Attention(
                a.providerId,
                names.get(a.providerId),
                AttentionKind.QA_ACTION_OVERDUE,
                a.id,
                a.dueOn,
                a.area + " action due on " + a.dueOn + " (" + a.owner + "): " + a.action)));
        out.sort(Comparator.comparing(Attention::since)
                .thenComparing(a -> a.subject().toString()));
        audit.record(AuditLog.Action.READ, "quality-assurance-attention", "all");
        return out;
    }

    /** The provider's QA state today (no read check: callers have checked, or publish it in events). */
    public State state(UUID providerId) {
        LocalDate today = LocalDate.now(clock);
        Provider p = Provider.findById(providerId);
        QaVisit last = QaVisit.lastFor(providerId).orElse(null);
        QaVisit next = QaVisit.nextFor(providerId).orElse(null);
        List<QaAction> open = QaAction.list("providerId = ?1 and status = ?2", providerId, QaAction.Status.OPEN);
        return new State(
                p.qaRisk,
                last == null ? null : last.visitedOn,
                last == null ? null : last.rating,
                next == null ? null : next.dueOn,
                next != null && next.dueOn.isBefore(today),
                open.size(),
                open.stream().filter(a -> a.overdue(today)).count());
    }

    private static void requireEveryAreaOnce(List<QualityAssurance.Finding> findings) {
        List<FieldError> errors = new ArrayList<>();
        QualityAssurance.missingAreas(findings)
                .forEach(a -> errors.add(new FieldError("findings", "everyArea", "no finding for " + a)));
        findings.stream()
                .collect(Collectors.groupingBy(QualityAssurance.Finding::area, Collectors.counting()))
                .forEach((area, n) -> {
                    if (n > 1) {
                        errors.add(new FieldError("findings", "onceEach", area + " reported " + n + " times"));
                    }
                });
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    RegistryRules.QA_FINDINGS_INCOMPLETE, "the visit's findings do not cover each area once", errors);
        }
    }

    private void visible(UUID providerId) {
        if (Provider.findById(providerId) == null || !audience.seesFullRecord(providerId)) {
            throw ProblemException.notFound("provider", providerId);
        }
    }

    private Provider locked(UUID providerId) {
        Provider p = Provider.findById(providerId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("provider", providerId);
        }
        return p;
    }
}
