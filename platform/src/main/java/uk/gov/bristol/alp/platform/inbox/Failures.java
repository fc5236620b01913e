package uk.gov.bristol.alp.platform.inbox;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

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
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException
                    || t instanceof LockTimeoutException
                    || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null && String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return true; // the pool found no connection: the database is away
                }
                if (state != null
                        && (TRANSIENT_STATES.contains(state)
                                || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))))) {
                    return true;
                }
            }
        }
        return false;
    }
}
