package dev.cfcheck.bench;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.Checker;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.testing.HealthyLoopbackSite;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.LoopbackSite;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Measures the checker on loopback (see README, "Benchmark"): a full check of a healthy site beside the raw
 * time of the same requests made by hand, the cost of a cache hit, and how many probe runs 200 concurrent
 * checks of one key cause (it must be 1). Prints figures; exits 1 if the probe-run count is wrong.
 *
 * <p>Run with {@code bench/run} (options: {@code --iterations N}, {@code --warmup N}).
 */
public final class CheckerBenchmark {

    /** The TCP probe connects without sending a request, which MockWebServer logs each time (held: JUL keeps weak refs). */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    public static void main(String[] args) throws Exception {
        int iterations = intOption(args, "--iterations", 300);
        int warmup = intOption(args, "--warmup", 100);
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
        Path dir = Files.createTempDirectory("cfcheck-bench");
        try (HealthyLoopbackSite healthy = HealthyLoopbackSite.start(dir)) {
            LoopbackSite site = healthy.site();
            CheckRequest request = site.request(healthy.origins());

            System.out.printf(Locale.ROOT, "cfcheck benchmark: %d iterations after %d warm-up, %s, %d cores, Java %s%n",
                    iterations, warmup, System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));

            try (Checker checker = site.checker(Thresholds.DEFAULTS, Duration.ofMinutes(10))) {
                CheckReport first = checker.checkAndWait(request.withFresh(true));
                if (first.verdict().kind() != Kind.HEALTHY) {
                    throw new IllegalStateException("the loopback site is not healthy: " + first.verdict().kind());
                }
                long[] full = time(warmup, iterations, () -> checker.checkAndWait(request.withFresh(true)));
                print("full check (fresh: DNS + edge + origin TCP/TLS/HTTP + diagnosis)", full, 1_000_000, "ms");

                RawRequests raw = new RawRequests(site, healthy.originPort());
                long[] rawTimes = time(warmup, iterations, raw::run);
                print("raw requests by hand (DNS A+AAAA, edge GET, origin TLS+GET; new connections)", rawTimes, 1_000_000, "ms");

                long[] hits = time(warmup * 100, iterations * 100, () -> checker.checkAndWait(request));
                print("cache hit (same key, not fresh)", hits, 1_000, "µs");
            }

            long runs = concurrentChecksOfOneKey(site, request, 200);
            System.out.printf(Locale.ROOT, "200 concurrent checks of one key on an empty cache: %d probe run(s)%n", runs);
            if (runs != 1) {
                System.exit(1);
            }
        }
    }

    /** 200 threads released at once on a new checker: they must share one probe run. */
    private static long concurrentChecksOfOneKey(LoopbackSite site, CheckRequest request, int callers) throws Exception {
        try (Checker checker = site.checker(Thresholds.DEFAULTS, Duration.ofMinutes(10))) {
            ExecutorService threads = Executors.newFixedThreadPool(callers);
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CheckReport>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return checker.checkAndWait(request);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<CheckReport> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            return checker.probeRuns();
        }
    }

    /** The same requests a check makes, made directly, each on a new connection like the check's. */
    private static final class RawRequests {
        private final SimpleResolver resolver;
        private final OkHttpClient client;
        private final String edgeUrl;
        private final String originUrl;

        RawRequests(LoopbackSite site, int originPort) throws Exception {
            this.resolver = new SimpleResolver(site.dns().address());
            this.resolver.setTimeout(Duration.ofSeconds(5));
            var trust = dev.cfcheck.probes.tls.TrustMaterial.withExtraCas(site.caFile()).trustManager();
            var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
            InetAddress loopback = Loopback.ADDRESS;
            this.client = new OkHttpClient.Builder()
                    .socketFactory(dev.cfcheck.probes.NoDelaySocketFactory.INSTANCE) // as the probes do
                    .sslSocketFactory(ssl.getSocketFactory(), trust)
                    .dns(host -> List.of(loopback))
                    .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                    .build();
            this.edgeUrl = site.url();
            this.originUrl = "https://" + LoopbackSite.HOST + ":" + originPort + "/";
        }

        void run() {
            try {
                for (int type : new int[] {Type.A, Type.AAAA}) {
                    resolver.send(Message.newQuery(Record.newRecord(Name.fromString(LoopbackSite.HOST + "."), type, 1)));
                }
                for (String url : new String[] {edgeUrl, originUrl}) {
                    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                        response.body().bytes();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long[] time(int warmup, int iterations, Runnable action) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void print(String what, long[] sortedNanos, double divisor, String unit) {
        System.out.printf(Locale.ROOT, "%-85s p50 %8.2f %s   p99 %8.2f %s   (n=%d)%n", what,
                percentile(sortedNanos, 50) / divisor, unit, percentile(sortedNanos, 99) / divisor, unit, sortedNanos.length);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
