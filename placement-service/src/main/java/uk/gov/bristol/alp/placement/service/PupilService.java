package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Carer;
import uk.gov.bristol.alp.placement.domain.EhcNeedsAssessment;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.PlacementReason;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.web.Versions;

/** Pupil records, scoped: a school sees and creates only its own pupils. Every access is audited. */
@ApplicationScoped
public class PupilService {
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public PupilService(Caller caller, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Pupil create(NewPupil request) {
        caller.requireActingFor(request.schoolUrn(), "schoolUrn");
        if (Pupil.atSchool(request.schoolUrn(), request.upn()).isPresent()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "this school already has a pupil with this UPN",
                    List.of(new Problem.FieldError("upn", "uniqueAtSchool", "already on this school's roll")));
        }
        Pupil pupil = Pupil.of(
                request.upn(),
                request.firstName(),
                request.lastName(),
                request.dateOfBirth(),
                request.schoolUrn(),
                request.senProvision(),
                request.sex(),
                request.ethnicity(),
                request.lookedAfter(),
                OffsetDateTime.now(clock));
        pupil.fsmPeriods = new ArrayList<>(request.fsmPeriods());
        pupil.uln = request.uln();
        pupil.persist();
        audit.record(AuditLog.Action.CREATE, "pupil", pupil.id);
        return pupil;
    }

    /**
     * Replaces what may change of a pupil's record (If-Match required). The UPN and the school stay: a pupil on
     * another school's roll is a new record there. The audit row names the fields changed, not their values.
     */
    @Transactional
    public Pupil update(UUID id, String ifMatch, PupilDetails details) {
        Pupil pupil = visible(id);
        caller.requireActingFor(pupil.schoolUrn, "schoolUrn");
        Versions.requireIfMatch(ifMatch, pupil.version);
        List<String> changed = new ArrayList<>();
        changed(changed, "firstName", pupil.firstName, details.firstName());
        changed(changed, "lastName", pupil.lastName, details.lastName());
        changed(changed, "dateOfBirth", pupil.dateOfBirth, details.dateOfBirth());
        changed(changed, "senProvision", pupil.senProvision, details.senProvision());
        changed(changed, "sex", pupil.sex, details.sex());
        changed(changed, "ethnicity", pupil.ethnicity, details.ethnicity());
        changed(changed, "lookedAfter", pupil.lookedAfter, details.lookedAfter());
        changed(changed, "fsmPeriods", pupil.fsmPeriods, details.fsmPeriods());
        changed(changed, "uln", pupil.uln, details.uln());
        changed(changed, "leftSchoolOn", pupil.leftSchoolOn, details.leftSchoolOn());
        pupil.firstName = details.firstName();
        pupil.lastName = details.lastName();
        pupil.dateOfBirth = details.dateOfBirth();
        pupil.senProvision = details.senProvision();
        pupil.sex = details.sex();
        pupil.ethnicity = details.ethnicity();
        pupil.lookedAfter = details.lookedAfter();
        pupil.fsmPeriods = new ArrayList<>(details.fsmPeriods());
        pupil.uln = details.uln();
        pupil.leftSchoolOn = details.leftSchoolOn();
        audit.record(AuditLog.Action.UPDATE, "pupil", id, "changed: " + (changed.isEmpty() ? "nothing" : changed));
        if (!pupil.hasEhcPlan()) {
            flagEhcPlanSettings(pupil);
        }
        Pupil.getEntityManager().flush();
        return pupil;
    }

    /** Running placements in a setting named on an EHC plan need review once the pupil's record shows no plan. */
    private void flagEhcPlanSettings(Pupil pupil) {
        for (Placement p : Placement.<Placement>list(
                "pupilId = ?1 and reasonCode = ?2 and status in ?3 " + "and reviewNeeded = false",
                pupil.id,
                PlacementReason.EHC_PLAN_NAMED_SETTING,
                List.of(Placement.Status.CONFIRMED, Placement.Status.ACTIVE))) {
            p.needsReview(
                    "the pupil's SEN provision is now " + pupil.senProvision
                            + ": the placement is in a setting named on an EHC plan",
                    OffsetDateTime.now(clock));
            audit.record(AuditLog.Action.UPDATE, "placement", p.id, "review needed: " + p.reviewReason);
        }
    }

    private static void changed(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** The pupil if the caller may see it; otherwise "not found", so ids cannot be probed. */
    @Transactional
    public Pupil read(UUID id) {
        Pupil pupil = visible(id);
        audit.record(AuditLog.Action.READ, "pupil", id);
        return pupil;
    }

    /**
     * The records of the pupil with this UPN the caller may see: a school its own (at most one), authority staff every
     * school's. Each one returned is an audited read.
     */
    @Transactional
    public List<Pupil> findByUpn(String upn) {
        List<Pupil> found = caller.isAuthorityWide()
                ? Pupil.list("upn = ?1 order by createdAt", upn)
                : Pupil.atSchool(caller.ownSchoolUrn(), upn).map(List::of).orElse(List.of());
        found.forEach(p -> audit.record(AuditLog.Action.READ, "pupil", p.id, "found by UPN"));
        return found;
    }

    /**
     * Records where the pupil's EHC needs assessment stands (the school, the SEND team or the Hub); the statutory
     * dates follow from the request date.
     */
    @Transactional
    public Pupil recordEhcNeedsAssessment(UUID id, LocalDate requestedOn, EhcNeedsAssessment.Status status) {
        Pupil pupil = visible(id);
        caller.requireActingFor(pupil.schoolUrn, "schoolUrn");
        if (requestedOn.isAfter(LocalDate.now(clock))) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "an assessment is recorded once requested",
                    List.of(new Problem.FieldError("requestedOn", "notInFuture", "must be today or earlier")));
        }
        pupil.ehcNeedsAssessment =
                EhcNeedsAssessment.of(requestedOn, status, caller.username(), OffsetDateTime.now(clock));
        audit.record(AuditLog.Action.UPDATE, "pupil", pupil.id, "EHC needs assessment " + status);
        Pupil.getEntityManager().flush();
        return pupil;
    }

    /** The pupil's parents and carers: for the pupil's school and authority staff (audited). */
    @Transactional
    public List<Carer> carers(UUID id) {
        Pupil pupil = visible(id);
        audit.record(AuditLog.Action.READ, "pupil-carers", pupil.id);
        return pupil.carers;
    }

    /**
     * Replaces the pupil's parents and carers (the school, or the Hub), If-Match required. Each must be reachable the
     * way they prefer; a pupil in care has the local authority as corporate parent.
     */
    @Transactional
    public Pupil replaceCarers(UUID id, String ifMatch, List<Carer> carers) {
        Pupil pupil = visible(id);
        caller.requireActingFor(pupil.schoolUrn, "schoolUrn");
        Versions.requireIfMatch(ifMatch, pupil.version);
        List<Problem.FieldError> unreachable = new ArrayList<>();
        for (int i = 0; i < carers.size(); i++) {
            if (!carers.get(i).reachableAsPreferred()) {
                unreachable.add(new Problem.FieldError(
                        "carers[" + i + "]."
                                + (carers.get(i).preferredContact() == Carer.ContactPreference.EMAIL
                                        ? "email"
                                        : "phone"),
                        "reachableAsPreferred",
                        "needed for the preferred way of contact"));
            }
        }
        if (!unreachable.isEmpty()) {
            throw new ProblemException(
                    ProblemType.VALIDATION, "each carer must be reachable as they prefer", unreachable);
        }
        pupil.carers = List.copyOf(carers);
        audit.record(AuditLog.Action.UPDATE, "pupil-carers", pupil.id, carers.size() + " carer(s)");
        Pupil.getEntityManager().flush();
        return pupil;
    }

    Pupil visible(UUID id) {
        Pupil pupil = Pupil.findById(id);
        if (pupil == null || !caller.canSeeSchool(pupil.schoolUrn)) {
            throw ProblemException.notFound("pupil", id);
        }
        return pupil;
    }

    public record NewPupil(
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String schoolUrn,
            SenProvision senProvision,
            Sex sex,
            Ethnicity ethnicity,
            boolean lookedAfter,
            List<Pupil.FsmPeriod> fsmPeriods,
            String uln) {}

    public record PupilDetails(
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            SenProvision senProvision,
            Sex sex,
            Ethnicity ethnicity,
            boolean lookedAfter,
            List<Pupil.FsmPeriod> fsmPeriods,
            String uln,
            LocalDate leftSchoolOn) {}
}
