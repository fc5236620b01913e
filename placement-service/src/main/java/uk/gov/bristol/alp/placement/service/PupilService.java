package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;

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
        if (Pupil.byUpn(request.upn()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "a pupil with this UPN is already recorded",
                    List.of(new Problem.FieldError("upn", "unique", "already recorded")));
        }
        Pupil pupil = Pupil.of(request.upn(), request.firstName(), request.lastName(), request.dateOfBirth(),
                request.schoolUrn(), request.senProvision(), request.sex(), request.ethnicity(), request.lookedAfter(),
                OffsetDateTime.now(clock));
        pupil.persist();
        audit.record(AuditLog.Action.CREATE, "pupil", pupil.id);
        return pupil;
    }

    /** The pupil if the caller may see it; otherwise "not found", so ids cannot be probed. */
    @Transactional
    public Pupil read(UUID id) {
        Pupil pupil = visible(id);
        audit.record(AuditLog.Action.READ, "pupil", id);
        return pupil;
    }

    Pupil visible(UUID id) {
        Pupil pupil = Pupil.findById(id);
        if (pupil == null || !caller.canSeeSchool(pupil.schoolUrn)) {
            throw ProblemException.notFound("pupil", id);
        }
        return pupil;
    }

    public record NewPupil(String upn, String firstName, String lastName, java.time.LocalDate dateOfBirth,
            String schoolUrn, SenProvision senProvision, Sex sex, Ethnicity ethnicity, boolean lookedAfter) {
    }
}
