package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;

/** The safety rules hold when requests for one pupil arrive at the same moment (Pupil.lockForSafetyRules). */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class ConcurrentSafetyRulesTest {
    private static final List<Map<String, String>> MONDAY_TUESDAY =
            List.of(session("MONDAY", "09:00", "14:00"), session("TUESDAY", "09:00", "14:00"));
    private static final List<Map<String, String>> WEDNESDAY_THURSDAY =
            List.of(session("WEDNESDAY", "09:00", "14:00"), session("THURSDAY", "09:00", "14:00"));

    @Test
    void twoTenHourPlacementsAtAnUnregisteredProviderSentTogetherGiveOne201AndOne422EveryTime() throws Exception {
        UUID provider = approvedProvider("UNREGISTERED");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String pupil = pupil(schoolA(), "100001", "K");
                List<Integer> statuses = race(
                        pool,
                        () -> commission(placement(pupil, provider, MONDAY_TUESDAY)),
                        () -> commission(placement(pupil, provider, WEDNESDAY_THURSDAY)));
                assertEquals(List.of(201, 422), statuses, "round " + round + ": 20 hours there is over the limit");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoClashingPlacementsSentTogetherGiveOne201AndOne409EveryTime() throws Exception {
        UUID first = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        UUID second = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String pupil = pupil(schoolA(), "100001", "K");
                List<Integer> statuses = race(
                        pool,
                        () -> commission(placement(pupil, first, MONDAY_TUESDAY)),
                        () -> commission(placement(pupil, second, MONDAY_TUESDAY)));
                assertEquals(List.of(201, 409), statuses, "round " + round + ": one pupil, two places at once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int commission(Map<String, Object> body) {
        return given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .statusCode();
    }

    /** Both requests released at the same instant; their statuses, sorted. */
    private static List<Integer> race(ExecutorService pool, Request a, Request b) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> {
            start.await();
            return a.send();
        });
        Future<Integer> second = pool.submit(() -> {
            start.await();
            return b.send();
        });
        start.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
        Collections.sort(statuses);
        return statuses;
    }

    @FunctionalInterface
    private interface Request {
        int send();
    }
}
