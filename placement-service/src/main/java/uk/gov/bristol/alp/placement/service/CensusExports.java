package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.CensusRecord;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.security.Caller;

/**
 * The AP placement records a school or the authority returns to the DfE, each validated before export:
 * <ul>
 * <li>school census (AP module): the school's pupils' placements from 1 September of the academic year to the
 * census date;</li>
 * <li>LA AP census: placements the authority arranged (ALP Hub or SEND) open on the census date.</li>
 * </ul>
 * Proposed and cancelled placements never happened, so they are not returned.
 */
@ApplicationScoped
public class CensusExports {
    private static final List<Placement.Status> HAPPENED = List.of(
            Placement.Status.CONFIRMED, Placement.Status.ACTIVE, Placement.Status.ENDING, Placement.Status.ENDED);

    private final Caller caller;
    private final AuditLog audit;
    private final BigDecimal fullTimeThreshold;

    public CensusExports(Caller caller, AuditLog audit, PlacementConfig config) {
        this.caller = caller;
        this.audit = audit;
        this.fullTimeThreshold = config.fullTimeHoursThreshold();
    }

    @Transactional
    public CensusReturn schoolCensus(String schoolUrn, LocalDate censusDate) {
        caller.requireSchool(schoolUrn, "school", schoolUrn);
        LocalDate from = academicYearStart(censusDate);
        List<Object[]> placements = withPupils(
                        "p.schoolUrn = :school and p.status in :happened "
                                + "and p.startDate <= :census and (p.endDate is null or p.endDate >= :from) order by p.startDate, p.id")
                .setParameter("school", schoolUrn)
                .setParameter("happened", HAPPENED)
                .setParameter("census", censusDate)
                .setParameter("from", from)
                .getResultList();
        audit.record(AuditLog.Action.READ, "school-census-ap", schoolUrn + " " + censusDate);
        return build("SCHOOL_CENSUS_AP", schoolUrn, censusDate, from, placements);
    }

    @Transactional
    public CensusReturn laCensus(LocalDate censusDate) {
        List<Object[]> placements = withPupils("p.commissioner in :la and p.status in :happened "
                        + "and p.startDate <= :census and (p.endDate is null or p.endDate >= :census) "
                        + "order by p.schoolUrn, p.startDate, p.id")
                .setParameter("la", List.of(Placement.Commissioner.ALP_HUB, Placement.Commissioner.SEND))
                .setParameter("happened", HAPPENED)
                .setParameter("census", censusDate)
                .getResultList();
        audit.record(AuditLog.Action.READ, "la-census-ap", censusDate);
        return build("LA_AP_CENSUS", null, censusDate, censusDate, placements);
    }

    /** Placements with their pupils, in one query: [placement, pupil] rows. */
    private static TypedQuery<Object[]> withPupils(String where) {
        return Placement.getEntityManager()
                .createQuery(
                        "select p, u from Placement p join Pupil u on u.id = p.pupilId where " + where, Object[].class);
    }

    private CensusReturn build(
            String kind, String schoolUrn, LocalDate censusDate, LocalDate from, List<Object[]> placementsWithPupils) {
        List<CensusRecord> records = placementsWithPupils.stream()
                .map(row -> {
                    Placement p = (Placement) row[0];
                    return CensusRecord.of(p, (Pupil) row[1], censusDate, p.attendancePattern(fullTimeThreshold));
                })
                .toList();
        long invalid = records.stream().filter(r -> !r.valid()).count();
        return new CensusReturn(
                kind, schoolUrn, censusDate, from, records.size(), records.size() - invalid, invalid, records);
    }

    /** 1 September of the academic year the date falls in. */
    static LocalDate academicYearStart(LocalDate date) {
        int year = date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
        return LocalDate.of(year, Month.SEPTEMBER, 1);
    }

    public record CensusReturn(
            String kind,
            String schoolUrn,
            LocalDate censusDate,
            LocalDate placementsFrom,
            int records,
            long valid,
            long invalid,
            List<CensusRecord> items) {}
}
