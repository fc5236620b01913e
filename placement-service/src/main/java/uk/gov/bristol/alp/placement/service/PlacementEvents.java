package uk.gov.bristol.alp.placement.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Oversight;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.Pupil;

/**
 * What the use cases announce; the messaging package puts it in the outbox, in the caller's transaction. A port,
 * so that use cases never depend on how events are published.
 */
public interface PlacementEvents {

    /**
     * A step in the placement's life ({@code type}: a placement event type); the event carries its whole state and
     * the pupil's SEND funding status (an EHC plan, or an EHC needs assessment under way), never the pupil.
     */
    default void publish(String type, Placement placement, Pupil pupil) {
        publish(type, placement, pupil, null);
    }

    /** {@code effectiveFrom}: for a revision, the first day the new hours apply. */
    void publish(String type, Placement placement, Pupil pupil, LocalDate effectiveFrom);

    /** A batch's marks for one placement, kept (finance checks invoices against them). */
    void attendanceRecorded(UUID placementId, UUID providerId, UUID batchId, List<AttendanceService.Mark> marks);

    /** A concern for the Hub, announced once per occurrence by the caller. */
    void attentionNeeded(Oversight.Concern concern);
}
