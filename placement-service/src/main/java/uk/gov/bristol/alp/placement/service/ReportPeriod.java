package uk.gov.bristol.alp.placement.service;

import java.time.LocalDate;
import java.util.List;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;

/** The period a report covers: from and to, both inclusive. */
final class ReportPeriod {
    private ReportPeriod() {}

    static void require(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "to is before from",
                    List.of(new FieldError("to", "onOrAfterFrom", "the period must end on or after " + from)));
        }
    }
}
