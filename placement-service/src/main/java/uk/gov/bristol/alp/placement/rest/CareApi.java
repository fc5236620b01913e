package uk.gov.bristol.alp.placement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.LearningTarget;
import uk.gov.bristol.alp.placement.domain.PlacementContact;
import uk.gov.bristol.alp.placement.domain.PlacementReview;

/** JSON shapes of a running placement's learning plan, reviews and contact log. */
public final class CareApi {
    private CareApi() {}

    public record NewTarget(
            @NotBlank @Size(max = 500) String outcome,
            @NotBlank @Size(max = 1000) String target,
            LearningTarget.Progress progress) {}

    public record Progress(
            @NotNull LearningTarget.Progress progress,
            @Size(max = 2000) String note) {}

    public record TargetView(
            UUID id,
            UUID placementId,
            String outcome,
            String target,
            LearningTarget.Progress progress,
            String progressNote,
            String updatedBy,
            OffsetDateTime updatedAt,
            long version) {
        static TargetView of(LearningTarget t) {
            return new TargetView(
                    t.id,
                    t.placementId,
                    t.outcome,
                    t.target,
                    t.progress,
                    t.progressNote,
                    t.updatedBy,
                    t.updatedAt,
                    t.version);
        }
    }

    public record NewFamilyAgreement(
            @NotNull LocalDate agreedOn,
            @NotBlank @Size(max = 200) String agreedWith,
            @NotBlank @Size(max = 5000) String restOfWeekPlan) {}

    public record NewReview(
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 1000) String attendees,
            @NotBlank @Size(max = 5000) String summary,
            @NotBlank @Size(max = 5000) String pupilVoice,
            @NotNull PlacementReview.Decision decision,
            @NotNull LocalDate nextReviewBy) {}

    public record ReviewView(
            UUID id,
            UUID placementId,
            LocalDate heldOn,
            String attendees,
            String summary,
            String pupilVoice,
            PlacementReview.Decision decision,
            LocalDate nextReviewBy,
            String recordedBy,
            OffsetDateTime recordedAt) {
        static ReviewView of(PlacementReview r) {
            return new ReviewView(
                    r.id,
                    r.placementId,
                    r.heldOn,
                    r.attendees,
                    r.summary,
                    r.pupilVoice,
                    r.decision,
                    r.nextReviewBy,
                    r.recordedBy,
                    r.recordedAt);
        }
    }

    public record NewContact(
            @NotNull LocalDate contactOn,
            @NotNull PlacementContact.Method method,
            @NotBlank @Size(max = 5000) String summary,
            boolean safeguardingConcern) {}

    public record ContactView(
            UUID id,
            UUID placementId,
            LocalDate contactOn,
            PlacementContact.Party party,
            PlacementContact.Method method,
            String summary,
            boolean safeguardingConcern,
            String recordedBy,
            OffsetDateTime recordedAt) {
        static ContactView of(PlacementContact c) {
            return new ContactView(
                    c.id,
                    c.placementId,
                    c.contactOn,
                    c.party,
                    c.method,
                    c.summary,
                    c.safeguardingConcern,
                    c.recordedBy,
                    c.recordedAt);
        }
    }
}
