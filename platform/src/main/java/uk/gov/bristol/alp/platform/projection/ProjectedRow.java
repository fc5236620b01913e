package uk.gov.bristol.alp.platform.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * A row of a local read model that mirrors another service's aggregate (its table has an {@code as_of} column).
 * {@link LatestStateProjection} keeps it.
 */
@MappedSuperclass
public abstract class ProjectedRow extends PanacheEntityBase {
    /** Time of the event this row reflects: an older event arriving late never overwrites a newer one. */
    @Column(name = "as_of")
    public OffsetDateTime asOf;

    /** True when an event of that time is not older than the one this row reflects. */
    public boolean acceptsEventOf(OffsetDateTime eventTime) {
        return asOf == null || !asOf.isAfter(eventTime);
    }
}
