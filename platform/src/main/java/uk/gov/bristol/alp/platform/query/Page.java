package uk.gov.bristol.alp.platform.query;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;

/**
 * One page of a query's results and how many results there are in all. The REST layer turns it into the API's
 * page envelope ({@link uk.gov.bristol.alp.platform.web.PageResult}).
 */
public record Page<T>(List<T> items, long total) {

    /**
     * Runs the query for page {@code page} (from 0) of {@code size}, and counts every match. A page that is not full
     * is the last one, so the total follows from it without a count; this also keeps the envelope consistent when a
     * row is committed between the two statements (a count of 1 beside an empty first page, seen in tests).
     */
    public static <T> Page<T> of(PanacheQuery<T> query, int page, int size) {
        List<T> items = query.page(page, size).list();
        boolean lastPage = items.size() < size && (page == 0 || !items.isEmpty());
        return new Page<>(items, lastPage ? (long) page * size + items.size() : query.count());
    }
}
