package uk.gov.bristol.alp.platform.inbox;

/** A consumer whose parked events an operator may replay: the same path as a record from the broker. */
public interface ReplayableConsumer {
    /** The consumer's inbox name, as parked events record it. */
    String name();

    /** Applies one record as if it came from the broker again (the inbox skips one already applied). */
    EventHandler.Outcome accept(String record);
}
