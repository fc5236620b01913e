package uk.gov.bristol.alp.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.gov.bristol.alp.platform.identifiers.Upn;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.PrometheusText;
import uk.gov.bristol.alp.testing.stack.DemoData;
import uk.gov.bristol.alp.testing.stack.KeycloakTokens;
import uk.gov.bristol.alp.testing.stack.Stack;

/**
 * The fault drill (bench/fault-drill.sh; not part of ./alp test): the whole stack, placements made through the
 * gateway by a school's system while things crash. With one instance of each service and one broker: the broker is
 * killed (SIGKILL) and restarted, then finance. Scaled ({@code alp.faultDrill.replicas=2},
 * {@code alp.faultDrill.brokers=3}): one broker is killed and restarted, then one instance of every service, then
 * finance's database is cut off for 10 s. Then every placement must have exactly one commitment and nothing may be
 * parked. Prints its figures.
 */
@EnabledIfSystemProperty(named = "alp.faultDrill", matches = "true")
class FaultDrillTest {
    private static final int PLACEMENTS = Integer.getInteger("alp.faultDrill.placements", 500);
    /** Each client's pause between placements: about 9 a second in all, so the crashes fall while they are made. */
    private static final long PAUSE_MS = Long.getLong("alp.faultDrill.pauseMs", 400);

    private static final int REPLICAS = Integer.getInteger("alp.faultDrill.replicas", 1);
    private static final int BROKERS = Integer.getInteger("alp.faultDrill.brokers", 1);
    private static final List<String> SERVICES = List.of("registry", "panel", "placement", "finance");

    private static final LocalDate TODAY = LocalDate.now();

    @Test
    void everyPlacementMadeThroughBrokerAndServiceCrashesIsCommittedExactlyOnce() throws Exception {
        Path repo =
                Path.of(System.getProperty("alp.repo", "..")).toAbsolutePath().normalize();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "alp-platform", "keycloak-e2e");
        try (Stack stack = new Stack(repo, repo.resolve("e2e/target/stack-drill"), cache, Stack.PortPlan.free())
                .withReplicas(REPLICAS)
                .withBrokers(BROKERS)
                .start()) {
            KeycloakTokens tokens = stack.tokens();
            DemoData.Loaded demo = DemoData.load(stack);
            String api = stack.gatewayUrl() + "/api/v1";
            String school = tokens.user("school.a");
            String provider = demo.approvedProviderId();

            List<String> pupils = new ArrayList<>();
            for (int i = 0; i < PLACEMENTS; i++) {
                pupils.add(pupil(api, school, i));
            }
            Instant began = Instant.now();
            AtomicInteger made = new AtomicInteger();
            AtomicInteger retries = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<String>> placements = new ArrayList<>();
            for (String pupil : pupils) {
                placements.add(clients.submit(() -> {
                    String id = commission(api, school, pupil, provider, retries);
                    made.incrementAndGet();
                    Thread.sleep(PAUSE_MS);
                    return id;
                }));
            }
            List<String> events = new ArrayList<>();
            if (REPLICAS > 1 && BROKERS > 1) {
                scaledFaults(stack, made, events);
            } else {
                singleFaults(stack, made, events);
            }
            Instant lastFault = Instant.now();
            Set<String> ids = new HashSet<>();
            for (Future<String> f : placements) {
                ids.add(f.get());
            }
            clients.shutdown();
            Duration making = Duration.between(began, Instant.now());

            String finance = tokens.user("finance.officer");
            Instant waitFrom = Instant.now().isAfter(lastFault) ? Instant.now() : lastFault;
            Ports.await(
                    "a commitment for each of " + PLACEMENTS + " placements",
                    Duration.ofMinutes(5),
                    () -> commitments(api, finance, provider).size() >= ids.size());
            Duration settling = Duration.between(waitFrom, Instant.now());
            List<String> committed = commitments(api, finance, provider);
            Set<String> distinct = new HashSet<>(committed);
            String operator = tokens.user("operator");
            int parkedFinance = parked(stack.serviceUrl("finance"), operator);
            int parkedPlacement = parked(stack.serviceUrl("placement"), operator);
            long duplicates = duplicatesSkipped(stack);
            Duration whole = Duration.between(began, Instant.now());

            System.out.printf(
                    "fault drill (%d instance(s) per service, %d broker(s)): %d placements made in %.1f s"
                            + " (%d client errors, each retried with its Idempotency-Key), %s;%n"
                            + "  commitments %d (distinct placements %d, all placements covered %b), the last"
                            + " %.1f s after the last placement and fault; duplicates skipped by inboxes %d (instances"
                            + " alive at the end); parked events: finance %d, placement %d; whole run %.1f s%n",
                    REPLICAS,
                    BROKERS,
                    ids.size(),
                    making.toMillis() / 1000.0,
                    retries.get(),
                    String.join(", ", events),
                    committed.size(),
                    distinct.size(),
                    distinct.containsAll(ids),
                    settling.toMillis() / 1000.0,
                    duplicates,
                    parkedFinance,
                    parkedPlacement,
                    whole.toMillis() / 1000.0);
            assertEquals(PLACEMENTS, ids.size());
            assertEquals(ids, distinct, "every placement committed");
            assertEquals(ids.size(), committed.size(), "each exactly once");
            assertEquals(0, parkedFinance + parkedPlacement, "nothing parked");
        }
    }

    /** One broker, then finance, killed and restarted while placements are made. */
    private static void singleFaults(Stack stack, AtomicInteger made, List<String> events) {
        awaitMade(made, PLACEMENTS / 10);
        stack.kafka().kill();
        events.add("broker killed at placement " + made.get());
        awaitMade(made, PLACEMENTS / 4);
        stack.kafka().start();
        events.add("broker back at " + made.get());
        stack.service("finance").kill();
        events.add("finance killed at " + made.get());
        awaitMade(made, PLACEMENTS / 2);
        stack.service("finance").start();
        stack.service("finance").awaitReady(Duration.ofSeconds(120));
        events.add("finance back at " + made.get());
    }

    /** In turn: one broker of three, one instance of every service, finance's database for 10 s. */
    private static void scaledFaults(Stack stack, AtomicInteger made, List<String> events) {
        awaitMade(made, PLACEMENTS / 10);
        var broker = stack.kafkaCluster().node(1);
        broker.kill();
        events.add("broker 2 of 3 killed at placement " + made.get());
        awaitMade(made, PLACEMENTS / 5);
        broker.start();
        events.add("broker 2 back at " + made.get());
        awaitMade(made, PLACEMENTS * 3 / 10);
        SERVICES.forEach(name -> stack.service(name + "-2").kill());
        events.add("one instance of every service killed at " + made.get());
        awaitMade(made, PLACEMENTS * 2 / 5);
        SERVICES.forEach(name -> stack.service(name + "-2").start());
        SERVICES.forEach(name -> stack.service(name + "-2").awaitReady(Duration.ofSeconds(120)));
        events.add("instances back at " + made.get());
        awaitMade(made, PLACEMENTS / 2);
        events.add("finance's database cut at " + made.get());
        stack.cutDatabase("finance", Duration.ofSeconds(10));
        events.add("and back at " + made.get());
    }

    /** Events a consumer found already applied, over every instance of placement and finance. */
    private static long duplicatesSkipped(Stack stack) {
        long skipped = 0;
        for (String name : List.of("placement", "finance")) {
            for (String url : stack.instanceUrls(name)) {
                double value = new PrometheusText(
                                given().get(url + "/q/metrics").then().extract().asString())
                        .value("alp_events_handled_total", "outcome", "already_applied");
                skipped += Double.isNaN(value) ? 0 : (long) value;
            }
        }
        return skipped;
    }

    private static void awaitMade(AtomicInteger made, int count) {
        Ports.await(count + " placements made", Duration.ofMinutes(5), () -> made.get() >= count);
    }

    private static String pupil(String api, String school, int i) {
        String rest = String.format("80140%07d", i);
        String upn = Upn.checkLetter(rest) + rest;
        return given().header("Authorization", "Bearer " + school)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn", upn,
                        "firstName", "Drill",
                        "lastName", "Pupil" + i,
                        "dateOfBirth", "2012-02-02",
                        "schoolUrn", "100001",
                        "senProvision", "K"))
                .post(api + "/pupils")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** As a school's system would: one Idempotency-Key per placement, retried on a failure without an answer. */
    private static String commission(String api, String school, String pupil, String provider, AtomicInteger retries)
            throws InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("pupilId", pupil);
        body.put("providerId", provider);
        body.put("reasonCode", "SEMH_NEEDS");
        body.put("reason", "Fault drill");
        body.put("timetable", List.of(Map.of("day", "TUESDAY", "start", "09:00", "end", "12:00")));
        body.put("startDate", TODAY.plusDays(7).toString());
        body.put("plannedEndDate", TODAY.plusDays(60).toString());
        String key = "drill-" + UUID.randomUUID();
        for (int attempt = 1; ; attempt++) {
            try {
                Response r = given().header("Authorization", "Bearer " + school)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post(api + "/placements");
                if (r.statusCode() == 201) {
                    return r.path("id");
                }
                if (r.statusCode() < 500 && r.statusCode() != 409 || attempt > 20) {
                    throw new IllegalStateException("placement refused: " + r.statusCode() + " " + r.asString());
                }
            } catch (RuntimeException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
            retries.incrementAndGet();
            Thread.sleep(500);
        }
    }

    private static List<String> commitments(String api, String finance, String provider) {
        List<String> placements = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response r = given().header("Authorization", "Bearer " + finance)
                    .get(api + "/finance/commitments?providerId=" + provider + "&size=200&page=" + page);
            if (r.statusCode() != 200) {
                return placements;
            }
            List<String> items = r.path("items.placementId");
            placements.addAll(items);
            if (items.size() < 200) {
                return placements;
            }
        }
    }

    private static int parked(String service, String operator) {
        return given().header("Authorization", "Bearer " + operator)
                .get(service + "/api/v1/operations/parked-events?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }
}
