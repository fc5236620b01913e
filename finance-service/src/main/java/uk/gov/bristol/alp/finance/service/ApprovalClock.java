package uk.gov.bristol.alp.finance.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.ApprovalProtocol;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.platform.announce.AnnounceOnce;

/**
 * The funding clock: a commitment still waiting for approval past its target time is announced once per approval
 * round (a later revision that needs approval again starts a new round), so the Hub sees the placement on its
 * attention list and the finance approvers are told.
 */
@ApplicationScoped
public class ApprovalClock {
    private final ApprovalProtocol protocol;
    private final FinanceEvents events;
    private final AnnounceOnce announcements;
    private final Clock clock;
    private final EntityManager em;

    public ApprovalClock(
            ApprovalProtocol protocol,
            FinanceEvents events,
            AnnounceOnce announcements,
            Clock clock,
            EntityManager em) {
        this.em = em;
        this.protocol = protocol;
        this.events = events;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Scheduled(
            every = "${alp.finance.approval.sweep-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        announceOverdue();
    }

    /** Announces each pending commitment newly past its target; returns how many. */
    @Transactional
    public int announceOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int announced = 0;
        for (Commitment c : candidates(now)) {
            OffsetDateTime dueBy = protocol.dueBy(c);
            // One round per approved total: approving and then revising over it starts a new round.
            String round = String.valueOf(c.approvedTotal);
            if (now.isAfter(dueBy)
                    && announcements.firstTime("commitment-approval-overdue", c.id, round, "due by " + dueBy)) {
                events.commitmentApprovalOverdue(c, dueBy);
                announced++;
            }
        }
        return announced;
    }

    /**
     * Pending commitments old enough to be overdue under the shorter target and not yet announced in their round: a
     * cheap superset (the rule itself is {@link ApprovalProtocol#dueBy}), so a sweep does not revisit the thousands
     * already announced.
     */
    @SuppressWarnings("unchecked")
    private List<Commitment> candidates(OffsetDateTime now) {
        List<UUID> ids = em.createNativeQuery("""
                        select c.id from commitment c
                        where c.approval = 'PENDING' and c.status not in ('ENDED', 'CANCELLED')
                          and c.created_at < :oldEnough
                          and not exists (select 1 from announcement a
                                          where a.kind = 'commitment-approval-overdue' and a.subject = c.id::text
                                            and a.occurrence = coalesce(c.approved_total::text, 'null'))""")
                .setParameter("oldEnough", now.minus(protocol.shortestTarget()))
                .getResultList();
        return ids.isEmpty() ? List.of() : Commitment.list("id in ?1", ids);
    }
}
