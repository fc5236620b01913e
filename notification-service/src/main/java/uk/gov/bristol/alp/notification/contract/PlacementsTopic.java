package uk.gov.bristol.alp.notification.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/** What this service reads of {@code alp.placements.v1}: proposals and attention items. Carries no pupil names. */
public final class PlacementsTopic {

    /** A placement proposed (asyncapi: PlacementStateEnvelope). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlacementState(
            UUID placementId, UUID providerId, String schoolUrn, String commissioner, LocalDate startDate) {}

    /**
     * A placement needing attention (asyncapi: placementAttentionNeeded); its {@code detail} is not read, so what a
     * safeguarding concern says never reaches an email.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttentionNeeded(UUID placementId, String schoolUrn, UUID providerId, String kind, LocalDate since) {}

    private PlacementsTopic() {}
}
