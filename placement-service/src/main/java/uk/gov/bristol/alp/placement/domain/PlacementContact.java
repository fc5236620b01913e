package uk.gov.bristol.alp.placement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Contact about a placement between school and provider, or a keep-in-touch contact after it ends. */
@Entity
@Table(name = "placement_contact")
public class PlacementContact extends PanacheEntityBase {
    /** Who made the contact. */
    public enum Party {
        SCHOOL,
        PROVIDER,
        ALP_HUB
    }

    public enum Method {
        PHONE,
        EMAIL,
        MEETING,
        VISIT,
        VIDEO_CALL
    }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "contact_on")
    public LocalDate contactOn;

    @Enumerated(EnumType.STRING)
    public Party party;

    @Enumerated(EnumType.STRING)
    public Method method;

    public String summary;

    @Column(name = "safeguarding_concern")
    public boolean safeguardingConcern;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<PlacementContact> of(UUID placementId) {
        return list("placementId = ?1 order by contactOn, recordedAt", placementId);
    }
}
