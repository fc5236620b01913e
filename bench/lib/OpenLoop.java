import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load generator (wrk is closed-loop: a slow answer delays the next request and hides the queue): GETs
 * sent at a fixed rate whatever the answers do, each timed from the moment it was due, so queueing counts.
 * Arguments: base URL, rate per second, seconds, bearer token, then the paths to send in rotation. The first five
 * seconds at the rate are not counted (this JVM's own compilation and connections). Prints "sent errors p50 p90 p99
 * max" (milliseconds) of the counted requests. Requests run on virtual threads over one keep-alive HTTP/1.1 client.
 */
public class OpenLoop {
    private static final int WARMUP_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args[3];
        List<String> paths = List.of(args).subList(4, args.length);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        int warmup = rate * WARMUP_SECONDS;
        int total = warmup + rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = begin + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build();
                boolean counted = i >= warmup;
                threads.execute(() -> {
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200 && counted) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (counted) {
                            errors.incrementAndGet();
                        }
                    }
                    if (counted) {
                        millis.add((System.nanoTime() - due) / 1e6);
                    }
                });
            }
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(
                "%d %d %.2f %.2f %.2f %.2f%n",
                sorted.size(), errors.get(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
