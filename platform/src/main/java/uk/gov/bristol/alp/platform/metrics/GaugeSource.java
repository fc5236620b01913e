package uk.gov.bristol.alp.platform.metrics;

/**
 * Gauges read from the database (a backlog, an age, a count of open items). {@link GaugeSampler} calls every
 * source on a schedule, in one read-only transaction each, so a scrape of {@code /q/metrics} never waits on a query.
 */
public interface GaugeSource {
    void sample(Readings readings);
}
