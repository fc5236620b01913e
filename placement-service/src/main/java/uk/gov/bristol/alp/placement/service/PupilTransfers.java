package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.domain.PupilTransfer;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * A pupil moving school (docs/domain-rules.md, "Families"): the pupil's school (or the Hub) asks, a Hub officer
 * agrees or declines. Agreed, the new school's record of the pupil (found by UPN, or made from the old one) takes
 * the placements still to run or running; the old school keeps its own record, marked as left, and the placements
 * that had ended, and sees nothing after.
 */
@ApplicationScoped
public class PupilTransfers {
    private static final List<Placement.Status> RUNNING =
            List.of(Placement.Status.PROPOSED, Placement.Status.CONFIRMED, Placement.Status.ACTIVE);

    private final Caller caller;
    private final AuditLog audit;
    private final PupilService pupils;
    private final Clock clock;

    public PupilTransfers(Caller caller, AuditLog audit, PupilService pupils, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.pupils = pupils;
        this.clock = clock;
    }

    @Transactional
    public PupilTransfer request(UUID pupilId, String toSchoolUrn, LocalDate effectiveFrom, String reason) {
        Pupil pupil = pupils.visible(pupilId);
        caller.requireActingFor(pupil.schoolUrn, "schoolUrn");
        if (pupil.schoolUrn.equals(toSchoolUrn)) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "the pupil is already at school " + toSchoolUrn,
                    List.of(new Problem.FieldError("toSchoolUrn", "anotherSchool", "must be another school's URN")));
        }
        if (PupilTransfer.count("pupilId = ?1 and status = ?2", pupil.id, PupilTransfer.Status.REQUESTED) > 0) {
            throw new ProblemException(PlacementRules.TRANSFER_STATUS, "a transfer of this pupil is already open");
        }
        PupilTransfer t = new PupilTransfer();
        t.id = UUID.randomUUID();
        t.pupilId = pupil.id;
        t.fromSchoolUrn = pupil.schoolUrn;
        t.toSchoolUrn = toSchoolUrn;
        t.effectiveFrom = effectiveFrom;
        t.reason = reason;
        t.status = PupilTransfer.Status.REQUESTED;
        t.requestedBy = caller.username();
        t.requestedAt = OffsetDateTime.now(clock);
        t.persist();
        audit.record(AuditLog.Action.CREATE, "pupil-transfer", t.id, t.fromSchoolUrn + " -> " + t.toSchoolUrn);
        return t;
    }

    /** Transfers the caller may see: authority staff all; a school those from or to it. */
    @Transactional
    public List<PupilTransfer> list(PupilTransfer.Status status) {
        Criteria criteria = new Criteria().equal("status", status);
        if (!caller.isAuthorityWide()) {
            if (!caller.hasRole(Roles.SCHOOL_STAFF)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "a school sees the transfers from or to it");
            }
            criteria.always(
                    "fromSchoolUrn = :ownSchool or toSchoolUrn = :ownSchool",
                    Map.of("ownSchool", caller.ownSchoolUrn()));
        }
        audit.record(AuditLog.Action.READ, "pupil-transfers", status == null ? "all" : status.name());
        return PupilTransfer.list(criteria.orderedBy("requestedAt desc"), criteria.parameters());
    }

    @Transactional
    public PupilTransfer agree(UUID id, String note) {
        PupilTransfer t = openForHub(id);
        Pupil from = Pupil.findById(t.pupilId);
        Pupil.lockForSafetyRules(from.id);
        Pupil to = Pupil.atSchool(t.toSchoolUrn, from.upn).orElseGet(() -> {
            Pupil p = Pupil.of(
                    from.upn,
                    from.firstName,
                    from.lastName,
                    from.dateOfBirth,
                    t.toSchoolUrn,
                    from.senProvision,
                    from.sex,
                    from.ethnicity,
                    from.lookedAfter,
                    OffsetDateTime.now(clock));
            p.fsmPeriods = new ArrayList<>(from.fsmPeriods);
            p.carers = new ArrayList<>(from.carers);
            p.uln = from.uln;
            p.persist();
            audit.record(AuditLog.Action.CREATE, "pupil", p.id, "transfer " + t.id);
            return p;
        });
        for (Placement p : Placement.<Placement>list("pupilId = ?1 and status in ?2", from.id, RUNNING)) {
            p.pupilId = to.id;
            p.schoolUrn = t.toSchoolUrn;
            audit.record(AuditLog.Action.UPDATE, "placement", p.id, "moved with transfer " + t.id);
        }
        from.leftSchoolOn = t.effectiveFrom;
        t.newPupilId = to.id;
        return decided(t, PupilTransfer.Status.AGREED, note);
    }

    @Transactional
    public PupilTransfer decline(UUID id, String note) {
        return decided(openForHub(id), PupilTransfer.Status.DECLINED, note);
    }

    private PupilTransfer openForHub(UUID id) {
        if (!caller.hasRole(Roles.HUB_OFFICER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the ALP Hub agrees or declines a transfer");
        }
        PupilTransfer t = PupilTransfer.findById(id);
        if (t == null) {
            throw ProblemException.notFound("pupil transfer", id);
        }
        if (t.status != PupilTransfer.Status.REQUESTED) {
            throw new ProblemException(PlacementRules.TRANSFER_STATUS, "the transfer was " + t.status);
        }
        return t;
    }

    private PupilTransfer decided(PupilTransfer t, PupilTransfer.Status status, String note) {
        t.status = status;
        t.decidedBy = caller.username();
        t.decidedAt = OffsetDateTime.now(clock);
        t.decisionNote = note;
        audit.record(AuditLog.Action.UPDATE, "pupil-transfer", t.id, status.name());
        PupilTransfer.getEntityManager().flush();
        return t;
    }
}
