package uk.gov.bristol.alp.platform.problem;

import java.util.Optional;
import java.util.stream.Stream;

/** A failure and the causes wrapped inside it (transactions and frameworks wrap the one that matters). */
public final class Causes {
    private Causes() {}

    /** The failure, then its cause, its cause's cause, and so on. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The first in the chain of this type, if any. */
    public static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}
