package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PopulationBaseline;
import uk.gov.bristol.alp.placement.domain.PupilProfile;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Who is in ALP: the pupils with a placement that ran on any day of a period (confirmed, active or ended; never a
 * proposal or a cancelled one), counted by characteristic overall and by school on roll. Free school meals count
 * when an eligibility period overlaps the period; an EHC needs assessment counts when in progress now. A school
 * sees its own pupils only.
 */
@ApplicationScoped
public class DisproportionalityReport {
    private final Caller caller;
    private final AuditLog audit;
    private final PopulationBaselines baselines;

    public DisproportionalityReport(Caller caller, AuditLog audit, PopulationBaselines baselines) {
        this.caller = caller;
        this.audit = audit;
        this.baselines = baselines;
    }

    /**
     * With a {@code census}, every count is compared with the population on roll then: each school's with its own,
     * the overall with the sum over the schools in scope (every school in the census, for authority staff: the city).
     */
    @Transactional
    public Report of(LocalDate from, LocalDate to, String schoolUrn, LocalDate census) {
        ReportPeriod.require(from, to);
        String school = schoolUrn;
        if (!caller.isAuthorityWide()) {
            school = caller.hasRole(Roles.SCHOOL_STAFF) ? caller.ownSchoolUrn() : null;
            if (school == null || (schoolUrn != null && !schoolUrn.equals(school))) {
                throw new ProblemException(ProblemType.FORBIDDEN, "a school sees only its own pupils");
            }
        }
        PupilProfile overall = new PupilProfile(null);
        Map<String, PupilProfile> bySchool = new TreeMap<>();
        for (Object[] row : pupilsInAlp(from, to, school)) {
            String urn = ((String) row[0]).strip();
            for (PupilProfile profile : List.of(overall, bySchool.computeIfAbsent(urn, PupilProfile::new))) {
                profile.add(
                        (String) row[1], (Boolean) row[2], (String) row[3], (String) row[4], (Boolean) row[5], (Boolean)
                                row[6]);
            }
        }
        audit.record(
                AuditLog.Action.READ,
                "disproportionality-report",
                from + ".." + to + (school == null ? "" : " school " + school)
                        + (census == null ? "" : " census " + census));
        if (census == null) {
            return new Report(
                    from,
                    to,
                    null,
                    overall.view(),
                    bySchool.values().stream().map(PupilProfile::view).toList());
        }
        Map<String, PopulationBaseline> population = baselines.bySchool(census, school);
        if (population.isEmpty()) {
            throw ProblemException.invalid("census", "imported", "no population baseline was imported for " + census);
        }
        PopulationBaseline inScope = new PopulationBaseline();
        population.values().forEach(inScope::addAll);
        return new Report(
                from,
                to,
                census,
                overall.view(inScope),
                bySchool.values().stream()
                        .map(p -> p.view(population.get(p.schoolUrn())))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> pupilsInAlp(LocalDate from, LocalDate to, String school) {
        Query query = Placement.getEntityManager().createNativeQuery("""
                select cast(u.school_urn as text), cast(u.sen_provision as text), u.looked_after, u.ethnicity,
                       cast(u.sex as text),
                       exists (select 1 from jsonb_array_elements(u.fsm_periods) f
                               where (f->>'start')::date <= :to
                                 and (f->>'end' is null or (f->>'end')::date >= :from)) as fsm,
                       coalesce(u.ehc_needs_assessment->>'status' in ('REQUESTED', 'ASSESSING'), false) as assessing
                from pupil u
                where exists (select 1 from placement p
                              where p.pupil_id = u.id and p.status in ('CONFIRMED', 'ACTIVE', 'ENDING', 'ENDED')
                                and p.start_date <= :to and (p.end_date is null or p.end_date >= :from))
                  and (cast(:school as text) is null or u.school_urn = :school)
                """);
        return query.setParameter("from", from)
                .setParameter("to", to)
                .setParameter("school", school)
                .getResultList();
    }

    /** {@code census}: the baseline compared with, or null. */
    public record Report(
            LocalDate from,
            LocalDate to,
            LocalDate census,
            PupilProfile.View overall,
            List<PupilProfile.View> bySchool) {}
}
