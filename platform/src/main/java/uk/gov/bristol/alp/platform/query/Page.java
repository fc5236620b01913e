package uk.gov.bristol.alp.platform.query;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;

/**
 * One page of a query's results and how many results there are in all. The REST layer turns it into the API's
 * page envelope ({@link uk.gov.bristol.alp.platform.web.PageResult}).
 */
public record Page<T>(List<T> items, long total) {

    /** Runs the query for page {@code page} (from 0) of {@code size}, and counts every match. */
    public static <T> Page<T> of(PanacheQuery<T> query, int page, int size) {
        return new Page<>(query.page(page, size).list(), query.count());
    }
}
