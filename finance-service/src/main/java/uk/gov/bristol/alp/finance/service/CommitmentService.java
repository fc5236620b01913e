package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.Forecast;
import uk.gov.bristol.alp.finance.event.PlacementEventsConsumer.ConfirmedPlacement;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;

/** Commitments: one per confirmed placement, with its forecast cost. */
@ApplicationScoped
public class CommitmentService {
    private final Outbox outbox;
    private final Clock clock;

    public CommitmentService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void commit(ConfirmedPlacement placement) {
        if (Commitment.count("placementId", placement.placementId()) > 0) {
            return;
        }
        Forecast forecast = Forecast.of(placement.hoursPerWeek(), placement.hourlyRate(), placement.startDate(),
                placement.plannedEndDate());
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.placementId = placement.placementId();
        c.providerId = placement.providerId();
        c.hoursPerWeek = placement.hoursPerWeek();
        c.hourlyRate = placement.hourlyRate();
        c.startDate = placement.startDate();
        c.plannedEndDate = placement.plannedEndDate();
        c.weeks = forecast.weeks();
        c.forecastCost = forecast.cost();
        c.status = forecast.cost() == null ? Commitment.Status.RATE_PENDING : Commitment.Status.COMMITTED;
        c.createdAt = OffsetDateTime.now(clock);
        c.persist();
        outbox.publish(Topics.FINANCE, EventTypes.COMMITMENT_CREATED, c.placementId.toString(), CommitmentCreated.of(c));
    }

    @Transactional
    public Page find(UUID placementId, UUID providerId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (placementId != null) {
            where.append(" and placementId = :placementId");
            params.put("placementId", placementId);
        }
        if (providerId != null) {
            where.append(" and providerId = :providerId");
            params.put("providerId", providerId);
        }
        var query = Commitment.<Commitment>find(where + " order by createdAt desc, id", params);
        return new Page(query.page(page, size).list(), query.count());
    }

    public record Page(List<Commitment> items, long total) {
    }

    /** Payload of CommitmentCreated (asyncapi: commitmentCreated). */
    public record CommitmentCreated(UUID commitmentId, UUID placementId, UUID providerId, BigDecimal hoursPerWeek,
            BigDecimal hourlyRate, BigDecimal weeks, BigDecimal forecastCost, LocalDate startDate,
            LocalDate plannedEndDate, String status) {
        static CommitmentCreated of(Commitment c) {
            return new CommitmentCreated(c.id, c.placementId, c.providerId, c.hoursPerWeek, c.hourlyRate, c.weeks,
                    c.forecastCost, c.startDate, c.plannedEndDate, c.status.name());
        }
    }
}
