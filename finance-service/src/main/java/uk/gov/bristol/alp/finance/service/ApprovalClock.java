package uk.gov.bristol.alp.finance.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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

    public ApprovalClock(ApprovalProtocol protocol, FinanceEvents events, AnnounceOnce announcements, Clock clock) {
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
        List<Commitment> pending = Commitment.list(
                "approval = ?1 and status not in ?2",
                Commitment.Approval.PENDING,
                List.of(Commitment.Status.ENDED, Commitment.Status.CANCELLED));
        int announced = 0;
        for (Commitment c : pending) {
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
}
