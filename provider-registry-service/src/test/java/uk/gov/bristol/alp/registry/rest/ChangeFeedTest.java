package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.register;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** The cursor change feed: every change once, in order, even one committed late, while rows change under it. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class ChangeFeedTest {
    private record Read(List<String> ids, String next) {}

    /** One page from {@code cursor}. */
    private static JsonPath page(String cursor, int limit) {
        var request = given().header("Authorization", TestTokens.partner("north-somerset"))
                .queryParam("limit", limit);
        if (cursor != null) {
            request = request.queryParam("after", cursor);
        }
        return request.get("/api/v1/providers/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Every page from {@code cursor} until nothing more is ready: the ids in feed order, and where to go on from. */
    private static Read drain(String cursor, int limit) {
        List<String> ids = new ArrayList<>();
        String at = cursor;
        for (int pages = 0; pages < 1000; pages++) {
            JsonPath p = page(at, limit);
            ids.addAll(p.getList("items.id"));
            at = p.getString("next");
            if (!p.getBoolean("more")) {
                return new Read(ids, at);
            }
        }
        throw new AssertionError("the feed did not end");
    }

    static void touch(String id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Provider p = Provider.findById(UUID.fromString(id));
            p.statusReason = reason;
        });
    }

    /**
     * Changes come in transaction order, not in the order of the ids' text: with two changes at transactions 9 and 10
     * (set by hand, triggers off), 9 comes first, though "10" sorts before "9" as text and before every later id.
     */
    @Test
    void changesComeInTransactionOrderEvenWhereTheTextOfTheIdsSortsOtherwise() {
        String nine = register(newUkprn());
        String ten = register(newUkprn());
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Provider.getEntityManager();
            em.createNativeQuery("set local session_replication_role = replica").executeUpdate();
            em.createNativeQuery("update provider set change_txid = cast(:txid as xid8) where id = :id")
                    .setParameter("txid", "9")
                    .setParameter("id", UUID.fromString(nine))
                    .executeUpdate();
            em.createNativeQuery("update provider set change_txid = cast(:txid as xid8) where id = :id")
                    .setParameter("txid", "10")
                    .setParameter("id", UUID.fromString(ten))
                    .executeUpdate();
        });
        JsonPath first = page(null, 1);
        assertEquals(List.of(nine), first.getList("items.id"));
        assertEquals(List.of(ten), page(first.getString("next"), 1).getList("items.id"), "and 10 next, not skipped");
    }

    @Test
    void aChangeCommittedLateByAnEarlierTransactionIsNotPassedOver() throws Exception {
        String early = register(newUkprn());
        String late = register(newUkprn());
        String from = drain(null, 200).next();

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    Provider p = Provider.findById(UUID.fromString(early));
                    p.statusReason = "changed first, committed last";
                    Provider.getEntityManager().flush();
                    written.countDown();
                    try {
                        assertTrue(release.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
        assertTrue(written.await(30, TimeUnit.SECONDS));
        touch(late, "changed second, committed first");

        // A timestamp or offset feed would hand out `late` now and pass over `early` when it commits.
        Read meanwhile = drain(from, 200);
        assertEquals(
                List.of(),
                meanwhile.ids().stream().filter(Set.of(early, late)::contains).toList());
        assertEquals(from, meanwhile.next(), "nothing settled yet: the cursor stays");

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        Read settled = drain(from, 200);
        assertEquals(
                List.of(early, late),
                settled.ids().stream().filter(Set.of(early, late)::contains).toList());
        assertEquals(
                List.of(),
                drain(settled.next(), 200).ids().stream()
                        .filter(Set.of(early, late)::contains)
                        .toList());
    }

    @Test
    void pagingWhileRowsChangeSeesEveryChangeOnceAndEachProviderAtItsLatest() {
        List<String> ids =
                IntStream.range(0, 6).mapToObj(i -> register(newUkprn())).toList();
        String from = drain(null, 500).next();
        for (String id : ids) {
            touch(id, "first round");
        }
        JsonPath first = page(from, 2);
        List<String> seen = new ArrayList<>(first.getList("items.id"));
        assertEquals(ids.subList(0, 2), seen);

        touch(ids.get(0), "changed again after it was read");
        touch(ids.get(4), "changed again before it was read");
        seen.addAll(drain(first.getString("next"), 2).ids());

        List<String> ours = seen.stream().filter(ids::contains).toList();
        assertEquals(
                List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(5), ids.get(0), ids.get(4)),
                ours,
                "each change once, in order; a provider changed again comes again with its new state");
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .queryParam("after", "not-a-cursor")
                .get("/api/v1/providers/changes")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
    }
}
