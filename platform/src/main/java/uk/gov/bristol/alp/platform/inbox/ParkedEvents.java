package uk.gov.bristol.alp.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;

/** The operator's view of parked events: list, inspect, replay (one, or every waiting one of a type). */
@ApplicationScoped
public class ParkedEvents {
    private final Instance<ReplayableConsumer> consumers;
    private final AuditLog audit;
    private final Caller caller;

    public ParkedEvents(@Any Instance<ReplayableConsumer> consumers, AuditLog audit, Caller caller) {
        this.consumers = consumers;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public Page<ParkedEvent> list(String consumer, String type, boolean waitingOnly, int page, int size) {
        Criteria criteria = new Criteria().equal("consumer", consumer).equal("eventType", type);
        if (waitingOnly) {
            criteria.always("replayedAt is null", Map.of());
        }
        return Page.of(ParkedEvent.<ParkedEvent>find(criteria.orderedBy("id"), criteria.parameters()), page, size);
    }

    /** One parked event with its record (which may hold a pupil's details): every read is audited. */
    @Transactional
    public ParkedEvent read(long id) {
        ParkedEvent parked = find(id);
        audit.record(AuditLog.Action.READ, "parked-event", id);
        return parked;
    }

    /**
     * Replays one parked event through its consumer, as if the broker delivered it again: the inbox makes a second
     * replay (or an event applied meanwhile) change nothing. The outcome is kept on the row and audited.
     */
    public EventHandler.Outcome replay(long id) {
        ParkedEvent parked = QuarkusTransaction.requiringNew().call(() -> find(id));
        if (parked.replayedAt != null && parked.replayOutcome.equals(EventHandler.Outcome.APPLIED.name())) {
            return EventHandler.Outcome.ALREADY_APPLIED;
        }
        EventHandler.Outcome outcome = consumer(parked.consumer).accept(parked.record);
        markReplayed(id, outcome);
        return outcome;
    }

    /** Replays every waiting parked event of a consumer (and type, if given), oldest first; counts by outcome. */
    public Map<EventHandler.Outcome, Integer> replayAll(String consumer, String type) {
        List<Long> waiting = list(consumer, type, true, 0, 10_000).items().stream()
                .map(p -> p.id)
                .toList();
        Map<EventHandler.Outcome, Integer> outcomes = new TreeMap<>();
        waiting.forEach(id -> outcomes.merge(replay(id), 1, Integer::sum));
        return outcomes;
    }

    private void markReplayed(long id, EventHandler.Outcome outcome) {
        String by = caller.username();
        QuarkusTransaction.requiringNew().run(() -> {
            ParkedEvent parked = find(id);
            parked.replayedAt = OffsetDateTime.now(ZoneOffset.UTC);
            parked.replayedBy = by;
            parked.replayOutcome = outcome.name();
            audit.record(AuditLog.Action.UPDATE, "parked-event", id, "replayed by " + by + ": " + outcome);
        });
    }

    private ReplayableConsumer consumer(String name) {
        return consumers.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no consumer named " + name + " in this service"));
    }

    private static ParkedEvent find(long id) {
        return ParkedEvent.<ParkedEvent>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("parked event", id));
    }
}
