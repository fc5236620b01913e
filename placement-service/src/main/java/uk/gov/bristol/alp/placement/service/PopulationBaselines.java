package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.PopulationBaseline;
import uk.gov.bristol.alp.placement.domain.PopulationBaseline.Characteristic;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.identifiers.Urn;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/**
 * School populations from a census (CSV: {@code census_date,school_urn,characteristic,category,pupils}), imported
 * whole or not at all: each school's rows for a census replace what was there. The disproportionality report
 * compares pupils in ALP with them.
 */
@ApplicationScoped
public class PopulationBaselines {
    static final String HEADER = "census_date,school_urn,characteristic,category,pupils";
    private static final int MAX_ERRORS = 50;

    private final EntityManager em;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public PopulationBaselines(EntityManager em, Caller caller, AuditLog audit, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(LocalDate census, String school, Characteristic characteristic, String category, int pupils) {
        String key() {
            return census + "/" + school + "/" + characteristic + "/" + category;
        }
    }

    /** One census as imported: how many schools, and pupils on roll across them. */
    public record Census(LocalDate censusDate, int schools, long pupilsOnRoll) {}

    @Transactional
    public List<Census> importCsv(String csv) {
        List<Row> rows = parse(csv);
        Map<String, List<Row>> bySchool = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> r.census() + "/" + r.school(), LinkedHashMap::new, Collectors.toList()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (List<Row> school : bySchool.values()) {
            Row first = school.get(0);
            em.createNativeQuery("delete from population_baseline where census_date = ?1 and school_urn = ?2")
                    .setParameter(1, first.census())
                    .setParameter(2, first.school())
                    .executeUpdate();
            for (Row r : school) {
                em.createNativeQuery("""
                        insert into population_baseline
                            (census_date, school_urn, characteristic, category, pupils, imported_by, imported_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                        .setParameter(1, r.census())
                        .setParameter(2, r.school())
                        .setParameter(3, r.characteristic().name())
                        .setParameter(4, r.category())
                        .setParameter(5, r.pupils())
                        .setParameter(6, caller.username())
                        .setParameter(7, now)
                        .executeUpdate();
            }
        }
        audit.record(
                AuditLog.Action.CREATE,
                "population-baseline",
                rows.stream()
                        .map(r -> r.census().toString())
                        .distinct()
                        .sorted()
                        .collect(Collectors.joining(",")),
                bySchool.size() + " school census(es), " + rows.size() + " rows");
        return censuses();
    }

    /** Every census imported, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Census> censuses() {
        List<Object[]> rows = em.createNativeQuery("""
                select census_date, count(distinct school_urn),
                       coalesce(sum(pupils) filter (where characteristic = 'ALL'), 0)
                from population_baseline group by census_date order by census_date desc""").getResultList();
        return rows.stream()
                .map(r -> new Census((LocalDate) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** Each school's population at a census (only {@code school}'s if given); empty if none was imported. */
    @SuppressWarnings("unchecked")
    Map<String, PopulationBaseline> bySchool(LocalDate census, String school) {
        List<Object[]> rows = em.createNativeQuery("""
                select cast(school_urn as text), characteristic, category, pupils from population_baseline
                where census_date = :census and (cast(:school as text) is null or school_urn = :school)""")
                .setParameter("census", census)
                .setParameter("school", school)
                .getResultList();
        Map<String, PopulationBaseline> out = new TreeMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(((String) r[0]).strip(), u -> new PopulationBaseline())
                    .add(Characteristic.valueOf((String) r[1]), (String) r[2], ((Number) r[3]).intValue());
        }
        return out;
    }

    private static List<Row> parse(String csv) {
        List<FieldError> errors = new ArrayList<>();
        List<String> lines =
                csv == null ? List.of() : csv.replace("\uFEFF", "").lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().toLowerCase(Locale.ROOT).equals(HEADER)) {
            throw new ProblemException(
                    PlacementRules.POPULATION_BASELINE_INVALID,
                    "the first line must be the header " + HEADER,
                    List.of(new FieldError("line 1", "header", "must be " + HEADER)));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size() && errors.size() < MAX_ERRORS; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String at = "line " + (i + 1);
            Row row = row(lines.get(i), at, errors);
            if (row != null && seen.putIfAbsent(row.key(), i + 1) != null) {
                errors.add(new FieldError(at, "unique", "repeats line " + seen.get(row.key())));
            } else if (row != null) {
                rows.add(row);
            }
        }
        if (errors.isEmpty()) {
            requireTotals(rows, errors);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("line 2", "rows", "the file has no rows"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    PlacementRules.POPULATION_BASELINE_INVALID,
                    errors.size() + " problem(s) in the file; nothing was imported",
                    errors);
        }
        return rows;
    }

    private static Row row(String line, String at, List<FieldError> errors) {
        String[] cells = line.split(",", -1);
        if (cells.length != 5) {
            errors.add(new FieldError(at, "columns", "has " + cells.length + " columns, not 5"));
            return null;
        }
        int before = errors.size();
        LocalDate census = null;
        try {
            census = LocalDate.parse(cells[0].strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at + ".census_date", "isoDate", "must be a date like 2026-01-15"));
        }
        String school = cells[1].strip();
        if (!Urn.isValid(school)) {
            errors.add(new FieldError(at + ".school_urn", "urn", "must be a six-digit URN"));
        }
        Characteristic characteristic = null;
        try {
            characteristic = Characteristic.valueOf(cells[2].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    at + ".characteristic", "oneOf", "must be one of " + Arrays.toString(Characteristic.values())));
        }
        String category = cells[3].strip().toUpperCase(Locale.ROOT);
        if (characteristic != null && !categories(characteristic).contains(category)) {
            errors.add(new FieldError(
                    at + ".category",
                    "oneOf",
                    "must be one of " + new java.util.TreeSet<>(categories(characteristic))));
        }
        int pupils = -1;
        try {
            pupils = Integer.parseInt(cells[4].strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (pupils < 0) {
            errors.add(new FieldError(at + ".pupils", "wholeNumber", "must be a whole number, 0 or more"));
        }
        return errors.size() == before ? new Row(census, school, characteristic, category, pupils) : null;
    }

    private static Set<String> categories(Characteristic characteristic) {
        return switch (characteristic) {
            case ALL -> Set.of("ALL");
            case SEN_PROVISION -> names(SenProvision.values());
            case LOOKED_AFTER, FSM -> Set.of(PopulationBaseline.YES);
            case ETHNICITY -> names(Ethnicity.values());
            case SEX -> names(Sex.values());
        };
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    /** Each school's census has its total on roll, and no group larger than it. */
    private static void requireTotals(List<Row> rows, List<FieldError> errors) {
        Map<String, Integer> totals = new HashMap<>();
        rows.stream()
                .filter(r -> r.characteristic() == Characteristic.ALL)
                .forEach(r -> totals.put(r.census() + "/" + r.school(), r.pupils()));
        for (Row r : rows) {
            Integer total = totals.get(r.census() + "/" + r.school());
            if (total == null) {
                errors.add(new FieldError(
                        "school " + r.school() + " " + r.census(),
                        "totalGiven",
                        "needs its ALL,ALL row (pupils on roll)"));
                totals.put(r.census() + "/" + r.school(), Integer.MAX_VALUE);
            } else if (r.pupils() > total) {
                errors.add(new FieldError(
                        "school " + r.school() + " " + r.census() + " " + r.characteristic() + " " + r.category(),
                        "atMostAll",
                        r.pupils() + " is more than the " + total + " pupils on roll"));
            }
        }
    }
}
