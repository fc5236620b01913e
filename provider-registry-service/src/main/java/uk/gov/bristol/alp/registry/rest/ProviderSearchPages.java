package uk.gov.bristol.alp.registry.rest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.registry.config.RegistryConfig;
import uk.gov.bristol.alp.registry.rest.ProviderApi.ProviderView;
import uk.gov.bristol.alp.registry.service.ChangeFeed;
import uk.gov.bristol.alp.registry.service.ProviderFilter;
import uk.gov.bristol.alp.registry.service.ProviderService;

/**
 * Search pages kept between requests until the providers' data changes: the same search (filter, page, size) is
 * answered from here while the data's version ({@link ChangeFeed#settledVersion()}, one indexed read) is the one the
 * page was made at, so a change committed by any instance is seen by the next search. Pages are kept in full; what a
 * caller may see of each provider is applied per request. Bounded by {@code alp.registry.search-cache} pages, all
 * dropped when full.
 */
@ApplicationScoped
public class ProviderSearchPages {
    private record Search(ProviderFilter filter, int page, int size) {}

    private record Kept(String version, PageResult<ProviderView> page) {}

    private final Map<Search, Kept> pages = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final ProviderService providers;
    private final ChangeFeed changes;
    private final int capacity;

    public ProviderSearchPages(
            ProviderService providers, ChangeFeed changes, RegistryConfig config, MeterRegistry registry) {
        this.providers = providers;
        this.changes = changes;
        this.capacity = config.searchCache();
        FunctionCounter.builder("alp.registry.search.pages", hits, AtomicLong::get)
                .tag("from", "kept")
                .description("Provider searches answered from a kept page")
                .register(registry);
        FunctionCounter.builder("alp.registry.search.pages", misses, AtomicLong::get)
                .tag("from", "database")
                .description("Provider searches run against the database")
                .register(registry);
    }

    /** The page of full provider views for this search, as of the providers' data now. */
    PageResult<ProviderView> find(ProviderFilter filter, int page, int size) {
        Optional<String> version = capacity > 0 ? changes.settledVersion() : Optional.empty();
        Search search = new Search(filter, page, size);
        if (version.isPresent()) {
            Kept kept = pages.get(search);
            if (kept != null && kept.version().equals(version.get())) {
                hits.incrementAndGet();
                return kept.page();
            }
        }
        misses.incrementAndGet();
        // Searched after the version was read, so the page holds at least every change up to that version.
        PageResult<ProviderView> found =
                PageResult.of(providers.list(filter, page, size), page, size, p -> ProviderView.of(p, null, null));
        version.ifPresent(v -> keep(search, new Kept(v, found)));
        return found;
    }

    private void keep(Search search, Kept kept) {
        if (pages.size() >= capacity) {
            pages.clear();
        }
        pages.put(search, kept);
    }
}
