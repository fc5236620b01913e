package uk.gov.bristol.alp.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    private static final LocalDate SEP_7 = LocalDate.parse("2026-09-07");
    private static final LocalDate OCT_16 = LocalDate.parse("2026-10-16");
    private final List<Segment> start = List.of(new Segment(SEP_7, OCT_16, BigDecimal.TEN));

    @Test
    void aRevisionKeepsTheWeeksBeforeItAndIsTheSameAppliedTwice() {
        List<Segment> once = Segments.revise(start, LocalDate.parse("2026-09-21"), OCT_16, new BigDecimal("20"));
        assertEquals(
                List.of(
                        new Segment(SEP_7, LocalDate.parse("2026-09-20"), BigDecimal.TEN),
                        new Segment(LocalDate.parse("2026-09-21"), OCT_16, new BigDecimal("20"))),
                once);
        assertEquals(once, Segments.revise(once, LocalDate.parse("2026-09-21"), OCT_16, new BigDecimal("20")));
    }

    @Test
    void thePartWithinAPeriodIsClippedToItAndNothingOutsideIsKept() {
        List<Segment> revised = Segments.revise(start, LocalDate.parse("2026-09-21"), OCT_16, new BigDecimal("20"));
        assertEquals(
                List.of(
                        new Segment(LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-20"), BigDecimal.TEN),
                        new Segment(
                                LocalDate.parse("2026-09-21"), LocalDate.parse("2026-09-25"), new BigDecimal("20"))),
                Segments.within(revised, LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-25")));
        assertEquals(List.of(), Segments.within(revised, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-06")));
    }

    @Test
    void aRevisionFromTheStartReplacesEverything() {
        assertEquals(
                List.of(new Segment(SEP_7, OCT_16, BigDecimal.ONE)),
                Segments.revise(start, SEP_7, OCT_16, BigDecimal.ONE));
    }

    @Test
    void anEndCutsTheLastSegmentAndDropsLaterOnes() {
        List<Segment> two = Segments.revise(start, LocalDate.parse("2026-09-21"), OCT_16, new BigDecimal("20"));
        assertEquals(
                List.of(new Segment(SEP_7, LocalDate.parse("2026-09-18"), BigDecimal.TEN)),
                Segments.endOn(two, LocalDate.parse("2026-09-18")));
        assertEquals(List.of(), Segments.endOn(two, LocalDate.parse("2026-09-06")));
    }
}
