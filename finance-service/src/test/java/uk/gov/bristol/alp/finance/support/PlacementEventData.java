package uk.gov.bristol.alp.finance.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The data of a placement event as placement-service sends it, for finance's tests. */
public final class PlacementEventData {
    private PlacementEventData() {}

    /** A school's confirmed part-time placement without a rate or cost code; mutable, so a test adds what it needs. */
    public static Map<String, Object> confirmedSchoolPlacement(
            UUID placement, UUID provider, String start, String plannedEnd, String hoursPerWeek) {
        return new HashMap<>(Map.of(
                "placementId",
                placement.toString(),
                "providerId",
                provider.toString(),
                "schoolUrn",
                "100001",
                "commissioner",
                "SCHOOL",
                "route",
                "SCHOOL_PART_TIME",
                "status",
                "CONFIRMED",
                "startDate",
                start,
                "plannedEndDate",
                plannedEnd,
                "hoursPerWeek",
                hoursPerWeek,
                "ehcPlan",
                false));
    }
}
