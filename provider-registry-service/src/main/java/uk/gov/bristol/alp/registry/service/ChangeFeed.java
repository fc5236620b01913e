package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.registry.domain.Provider;

/**
 * The partner change feed by cursor (docs/domain-rules.md, "The change feed"): providers in the order their changes
 * were made, each at most once per change, from a cursor the previous page gave. The queries order by the table's
 * xid8 column, never by its text form in the select list (which an unqualified ORDER BY name would pick: "1000"
 * sorts before "999"). Only changes whose transaction is older than every transaction still running are returned,
 * so one committed late is not passed over; a provider changed again comes again, later, with its new state.
 */
@ApplicationScoped
public class ChangeFeed {
    private final EntityManager em;

    /** The cursor before every change. */
    public static final String FROM_START = Cursor.START.encode();

    public ChangeFeed(EntityManager em) {
        this.em = em;
    }

    /** A page of changes and the cursor to ask from next (the same one when nothing new has settled yet). */
    public record Page(List<Change> changes, String next, boolean more) {}

    /** A provider as it is now, and the cursor just after its change (to resume or replay from). */
    public record Change(Provider provider, String cursor) {}

    private record Cursor(String txid, UUID id) {
        static final Cursor START = new Cursor("0", new UUID(0, 0));

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((txid + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String cursor) {
            return decode("after", cursor);
        }

        static Cursor decode(String field, String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return START;
            }
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
                if (parts.length != 2 || !parts[0].matches("\\d{1,20}")) {
                    throw new IllegalArgumentException(cursor);
                }
                return new Cursor(parts[0], UUID.fromString(parts[1]));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(field, "cursor", "not a cursor this feed gave");
            }
        }
    }

    /**
     * The version of the providers' data as of now, for pages kept between requests (the registry's search cache):
     * the newest change's transaction, which moves with every committed change. Empty while a transaction that may yet
     * commit a change with an older id is still running (a version then could miss that change), so nothing is kept.
     */
    @Transactional
    public Optional<String> settledVersion() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select coalesce((select cast(change_txid as text) as txid from provider
                                 order by provider.change_txid desc limit 1), '0'),
                       cast(pg_snapshot_xmin(pg_current_snapshot()) as text)""").getSingleResult();
        String newest = (String) row[0];
        long oldestRunning = Long.parseLong((String) row[1]);
        return Long.parseLong(newest) < oldestRunning ? Optional.of(newest) : Optional.empty();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page after(String cursor, int limit) {
        Cursor from = Cursor.decode(cursor);
        List<Object[]> rows = em.createNativeQuery("""
                select id, cast(change_txid as text) as txid from provider
                where (change_txid, id) > (cast(:txid as xid8), :id)
                  and change_txid < pg_snapshot_xmin(pg_current_snapshot())
                order by provider.change_txid, provider.id
                limit :limit""")
                .setParameter("txid", from.txid())
                .setParameter("id", from.id())
                .setParameter("limit", limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        List<UUID> ids = page.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Provider> byId = ids.isEmpty()
                ? Map.of()
                : Provider.<Provider>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Change> changes = page.stream()
                .map(r -> new Change(byId.get((UUID) r[0]), new Cursor((String) r[1], (UUID) r[0]).encode()))
                .toList();
        String next = changes.isEmpty()
                ? from.encode()
                : changes.get(changes.size() - 1).cursor();
        return new Page(changes, next, more);
    }

    /** The cursor after the latest settled change: asking from it gives only changes made from now on. */
    @Transactional
    @SuppressWarnings("unchecked")
    public String now() {
        List<Object[]> rows = em.createNativeQuery("""
                select id, cast(change_txid as text) as txid from provider
                where change_txid < pg_snapshot_xmin(pg_current_snapshot())
                order by provider.change_txid desc, provider.id desc
                limit 1""").getResultList();
        return rows.isEmpty()
                ? Cursor.START.encode()
                : new Cursor((String) rows.get(0)[1], (UUID) rows.get(0)[0]).encode();
    }

    /** Refuses, naming {@code field}, a cursor this feed did not give. */
    public void requireCursor(String field, String cursor) {
        Cursor.decode(field, cursor);
    }
}
