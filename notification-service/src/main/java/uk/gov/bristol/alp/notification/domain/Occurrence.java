package uk.gov.bristol.alp.notification.domain;

import java.util.Map;
import java.util.UUID;

/**
 * Something that happened, as the notification rules need it: the event, whose it is (school, provider), the record
 * it is about, a kind (an attention kind, a decision outcome, an approval state) and the facts a template may show.
 * Facts never hold a pupil's name: the consumers copy only the fields listed in their contract records.
 */
public record Occurrence(
        UUID eventId,
        String eventType,
        String schoolUrn,
        String providerId,
        String reference,
        String kind,
        Map<String, String> facts) {}
