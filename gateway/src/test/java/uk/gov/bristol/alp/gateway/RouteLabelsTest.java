package uk.gov.bristol.alp.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteLabelsTest {
    @Test
    void idsAndNumbersInAPathBecomePlaceholders() {
        assertEquals(
                "/api/v1/placements/{id}/confirm",
                RouteLabels.template("/api/v1/placements/0b7c1c9e-5f43-4c8e-9f55-2d4f0c3b1a77/confirm"));
        assertEquals(
                "/api/v1/operations/parked-events/{n}", RouteLabels.template("/api/v1/operations/parked-events/42"));
        assertEquals("/api/v1/providers", RouteLabels.template("/api/v1/providers"));
        assertEquals(
                "/api/v1/finance/cost-codes/ALP-2026", RouteLabels.template("/api/v1/finance/cost-codes/ALP-2026"));
    }
}
