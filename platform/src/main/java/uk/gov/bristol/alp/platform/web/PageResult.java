package uk.gov.bristol.alp.platform.web;

import java.util.List;
import java.util.function.Function;
import uk.gov.bristol.alp.platform.query.Page;

/** The one page envelope of every list in the API. {@code page} counts from 0. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    /** The highest page a list accepts: page x size (at most 200) stays well inside an int. */
    public static final int MAX_PAGE = 1_000_000;

    public static <E, T> PageResult<T> of(List<E> items, int page, int size, long totalItems, Function<E, T> map) {
        int totalPages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new PageResult<>(items.stream().map(map).toList(), page, size, totalItems, totalPages);
    }

    public static <E, T> PageResult<T> of(Page<E> found, int page, int size, Function<E, T> map) {
        return of(found.items(), page, size, found.total(), map);
    }
}
