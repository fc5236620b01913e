package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.AgendaItem;
import uk.gov.bristol.alp.panel.domain.PanelMeeting;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/** Panel meetings and their agendas. */
@ApplicationScoped
public class MeetingService {
    private final Caller caller;
    private final PanelAudience audience;
    private final AuditLog audit;
    private final Clock clock;

    public MeetingService(Caller caller, PanelAudience audience, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audience = audience;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PanelMeeting schedule(LocalDate date, List<String> members, List<String> memberAccounts, int quorum) {
        List<String> distinct = members.stream().map(String::strip).distinct().toList();
        PanelMeeting.requireQuorumPossible(distinct, quorum);
        PanelMeeting m = new PanelMeeting();
        m.id = UUID.randomUUID();
        m.meetingDate = date;
        m.members = distinct;
        m.memberAccounts = memberAccounts.stream().map(String::strip).distinct().toList();
        m.quorum = quorum;
        m.createdBy = caller.username();
        m.createdAt = OffsetDateTime.now(clock);
        m.persist();
        audit.record(AuditLog.Action.CREATE, "panel-meeting", m.id, "meeting on " + date + ", quorum " + quorum);
        return m;
    }

    /**
     * Adds every submitted referral not yet on an agenda to this meeting's, Fair Access cases first (their
     * clock runs), then oldest submission first; each becomes SCHEDULED. Returns the whole agenda.
     */
    @Transactional
    public List<Scheduled> buildAgenda(UUID meetingId) {
        PanelMeeting meeting = find(meetingId);
        // Locked: a referral goes on one agenda even if two officers build agendas at the same moment.
        List<Referral> waiting = Referral.<Referral>find("status", Referral.Status.SUBMITTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .stream()
                .sorted(Comparator.comparing((Referral r) -> !r.fairAccess)
                        .thenComparing(r -> r.submittedAt)
                        .thenComparing(r -> r.id))
                .toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Referral r : waiting) {
            if (AgendaItem.onAgenda(meetingId, r.id)) {
                continue;
            }
            AgendaItem.add(meeting.id, r.id, now);
            r.status = Referral.Status.SCHEDULED;
            audit.record(
                    AuditLog.Action.UPDATE, "referral", r.id, "on the agenda of the meeting on " + meeting.meetingDate);
        }
        return agenda(meetingId);
    }

    /** The agenda in order, each item with its referral. */
    @Transactional
    public List<Scheduled> agenda(UUID meetingId) {
        return AgendaItem.of(meetingId).stream()
                .map(item -> new Scheduled(item, Referral.<Referral>findById(item.referralId)))
                .toList();
    }

    @Transactional
    public PanelMeeting read(UUID id) {
        PanelMeeting m = find(id);
        if (!audience.maySee(m)) {
            throw ProblemException.notFound("panel meeting", id);
        }
        return m;
    }

    @Transactional
    public List<PanelMeeting> list(LocalDate from, LocalDate to) {
        return PanelMeeting.<PanelMeeting>list("meetingDate between ?1 and ?2 order by meetingDate, id", from, to)
                .stream()
                .filter(audience::maySee)
                .toList();
    }

    PanelMeeting find(UUID id) {
        PanelMeeting m = PanelMeeting.findById(id);
        if (m == null) {
            throw ProblemException.notFound("panel meeting", id);
        }
        return m;
    }

    public record Scheduled(AgendaItem item, Referral referral) {}
}
