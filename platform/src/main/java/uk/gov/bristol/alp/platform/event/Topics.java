package uk.gov.bristol.alp.platform.event;

import java.util.List;

/** The four topics of the system (docs/architecture.md). Keyed by aggregate id. */
public final class Topics {
    public static final String PROVIDERS = "alp.providers.v1";
    public static final String PANEL = "alp.panel.v1";
    public static final String PLACEMENTS = "alp.placements.v1";
    public static final String FINANCE = "alp.finance.v1";

    public static final List<String> ALL = List.of(PROVIDERS, PANEL, PLACEMENTS, FINANCE);

    private Topics() {}
}
