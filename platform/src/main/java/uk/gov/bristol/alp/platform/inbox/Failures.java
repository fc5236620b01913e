package uk.gov.bristol.alp.platform.inbox;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import uk.gov.bristol.alp.platform.problem.Causes;

/**
 * Tells a failure that will likely pass (the database restarting, a lost connection, a deadlock, a lock timeout)
 * from one that will not (a rule refused the event, its data is wrong): the first is retried for minutes, the
 * second is parked after a few attempts so it does not hold up the events behind it.
 */
final class Failures {
    /** SQL states of a connection lost or refused, the server shutting down or out of resources, a lost race. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");

    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    private Failures() {}

    static boolean isTransient(Throwable failure) {
        return Causes.of(failure).anyMatch(Failures::passes);
    }

    private static boolean passes(Throwable t) {
        if (t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || t instanceof JDBCConnectionException
                || t instanceof LockTimeoutException
                || t instanceof PessimisticLockException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state == null) {
            return String.valueOf(sql.getMessage()).contains("Acquisition timeout"); // the pool found no connection
        }
        return TRANSIENT_STATES.contains(state)
                || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }
}
