package uk.gov.bristol.alp.notification.domain;

/** Where a notification is in its delivery. */
public enum DeliveryStatus {
    /** Waiting to be sent (again, after a failure, from {@code nextAttemptAt}). */
    PENDING,
    /** Handed to the SMTP relay; no answer yet. */
    SENDING,
    /** The relay accepted it. */
    SENT,
    /** Waiting for the recipient's daily digest. */
    QUEUED_FOR_DIGEST,
    /** Sent as a line of a digest (see {@code digestId}). */
    IN_DIGEST,
    /** The relay refused it every time it was tried: an officer resends it or tells the recipient another way. */
    FAILED,
    /**
     * The sender stopped while the relay had it (a crash): it may or may not have gone. Never resent on its own, so a
     * notification goes at most once; an officer decides.
     */
    UNCERTAIN,
    /** Nobody is registered for the audience: kept so an officer sees what was missed, and resent once registered. */
    NO_RECIPIENT
}
