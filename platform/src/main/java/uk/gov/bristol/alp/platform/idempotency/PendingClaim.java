package uk.gov.bristol.alp.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The Idempotency-Key of the request being handled, until the request's first transaction takes it
 * ({@link ClaimInBusinessTransaction}).
 */
@RequestScoped
public class PendingClaim {
    record Claim(String principal, String key, String path, String requestHash) {}

    private Claim claim;
    private boolean taken;
    private boolean conflicted;

    void set(Claim claim) {
        this.claim = claim;
        this.taken = false;
    }

    /** The claim, once: the first transaction of the request writes it; later ones do not. */
    Claim take() {
        if (claim == null || taken) {
            return null;
        }
        taken = true;
        return claim;
    }

    /** The claim, if a transaction took it and it held (so the answer is to be kept). */
    Claim taken() {
        return taken && !conflicted ? claim : null;
    }

    /** Another request with the same key committed first: this request's transactions must change nothing. */
    void conflict() {
        conflicted = true;
    }

    boolean conflicted() {
        return conflicted;
    }
}
