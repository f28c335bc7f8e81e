package dev.cfcheck.bot.slack;

import dev.cfcheck.bot.http.BoundedBody;
import dev.cfcheck.bot.http.BoundedHttpServer;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.check.CheckerSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The incident storm, measured (see bench/storm): N signed {@code /cfcheck} commands sent at once through Slack
 * HTTP mode on loopback (default 500, from 500 users in 50 channels) to the real checker and probes, against M
 * loopback https sites (default 23), with the checker's default settings. The rate limits are the defaults unless
 * the storm would exceed them (then raised just enough, and printed): they are not what is measured.
 *
 * <p>First the same storm at another path (its own cache keys and rate-limit buckets), printed as the first storm
 * after start: mostly interpreted code. Then the storm measured, as a bot that has been up meets it: ack p50/p99/max, cards delivered, probe runs, busy refusals, the peak
 * RSS of this JVM ({@code VmHWM}: bot, sites, Slack stand-in and client together) and its peak live threads. Then
 * the raw floor: the same N signed POSTs to a handler that reads the body and answers, on the server and limits
 * the Slack endpoint runs on (a warm-up round, then the round printed). Exits 1 when a count misses
 * the target (busy, cards, probe runs).
 */
public final class SlackStormBenchmark {

    private static final long MIB = 1024 * 1024;
    /** MockWebServer logs every connection that sends no request (the edge probe's TCP connects); held: JUL keeps weak refs. */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger(mockwebserver3.MockWebServer.class.getName());

    public static void main(String[] args) throws Exception {
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
        int commands = intOption(args, "--commands", 500);
        int users = intOption(args, "--users", 500);
        int channels = intOption(args, "--channels", 50);
        int siteCount = intOption(args, "--sites", 23);
        RateLimits limits = fitting(commands, users, channels);
        CheckerSettings checker = CheckerSettings.DEFAULTS;
        System.out.printf(Locale.ROOT, "cfcheck storm benchmark: %d commands from %d users in %d channels at once, %d loopback sites%n",
                commands, users, channels, siteCount);
        System.out.printf(Locale.ROOT, "  %s, %d cores, Java %s, max heap %d MiB%n", System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / MIB);
        System.out.printf(Locale.ROOT, "  rate limits: %d per user, %d per channel per %d s%s; checker: %d probe runs at once + %d waiting%n",
                limits.perUser().checks(), limits.perChannel().checks(), limits.perUser().window().toSeconds(),
                limits.equals(RateLimits.DEFAULTS) ? " (the defaults)" : " (raised so that they refuse none of the storm)",
                checker.maxParallelChecks(), checker.maxQueuedChecks());

        Path dir = Files.createTempDirectory("cfcheck-storm");
        List<String> bodies;
        SlackStorm.Outcome outcome;
        int threadsBefore;
        int threadsPeak;
        String threadsByPool;
        String cpuByPool;
        try (SlackStorm storm = SlackStorm.start(dir, siteCount, checker, limits)) {
            // The same storm at another path first (its own cache keys and rate-limit buckets): a JVM that has
            // just started runs it mostly interpreted; the one measured is what a bot that has been up does.
            SlackStorm.Outcome cold = storm.fire(IntStream.range(0, commands)
                    .mapToObj(i -> storm.command("cold", i, "cold", users, channels)).toList());
            System.out.printf(Locale.ROOT, "first storm after start (another path): ack p50 %.1f ms   p99 %.1f ms   max %.1f ms, "
                    + "taken %d, busy %d, other answers %s, %d cards %s, %d probe runs%n", cold.ackMs(50), cold.ackMs(99),
                    cold.ackMs(100), cold.taken(), cold.busy(), cold.otherAcks(), cold.cards(), cold.verdicts(), cold.probeRuns());

            bodies = IntStream.range(0, commands).mapToObj(i -> storm.command("s", i, "", users, channels)).toList();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            CpuByPool cpu = CpuByPool.now();
            outcome = storm.fire(bodies);
            threadsPeak = threads.getPeakThreadCount();
            threadsByPool = threadsByPool();
            cpuByPool = cpu.since();
        }
        long peakRssMib = peakRssKib() / 1024;
        System.out.printf(Locale.ROOT, "storm: acks %d (HTTP 200: %d)   ack p50 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                outcome.ackNanos().length, outcome.ok(), outcome.ackMs(50), outcome.ackMs(99), outcome.ackMs(100));
        System.out.printf(Locale.ROOT, "       taken %d   busy refusals %d   other answers %s%n", outcome.taken(), outcome.busy(), outcome.otherAcks());
        System.out.printf(Locale.ROOT, "       cards delivered %d (response_url posts %d: %s)   probe runs %d for %d sites%n",
                outcome.cards(), outcome.posts(), outcome.verdicts(), outcome.probeRuns(), siteCount);
        System.out.printf(Locale.ROOT, "       peak RSS %d MiB (VmHWM, whole JVM)   live threads %d before, peak %d during%n",
                peakRssMib, threadsBefore, threadsPeak);
        System.out.printf(Locale.ROOT, "       threads alive after the storm, by pool: %s%n", threadsByPool);
        System.out.printf(Locale.ROOT, "       CPU time during the storm, by pool: %s%n", cpuByPool);

        String[] floorCpu = new String[1];
        long[][] floor = rawFloor(bodies, floorCpu);
        System.out.printf(Locale.ROOT, "raw floor (same %d signed POSTs to the endpoint's server and limits, a handler that reads the body "
                + "and answers at once): p50 %.1f ms   p99 %.1f ms   max %.1f ms (first round: p50 %.1f ms   p99 %.1f ms)%n", bodies.size(),
                SlackStorm.percentileMs(floor[1], 50), SlackStorm.percentileMs(floor[1], 99), SlackStorm.percentileMs(floor[1], 100),
                SlackStorm.percentileMs(floor[0], 50), SlackStorm.percentileMs(floor[0], 99));
        System.out.printf(Locale.ROOT, "       CPU time of its round, by pool: %s%n", floorCpu[0]);

        boolean counts = outcome.busy() == 0 && outcome.cards() == commands && outcome.probeRuns() == siteCount
                && outcome.taken() == commands;
        System.out.printf(Locale.ROOT, "targets: all acked < 3 s %s, p99 < 1 s %s, 0 busy %s, %d cards %s, probe runs = sites %s, peak RSS <= 256 MiB %s%n",
                mark(outcome.ok() == commands && outcome.ackMs(100) < 3000), mark(outcome.ackMs(99) < 1000),
                mark(outcome.busy() == 0), commands, mark(outcome.cards() == commands), mark(outcome.probeRuns() == siteCount),
                mark(peakRssMib <= 256));
        System.exit(counts ? 0 : 1);
    }

    /**
     * CPU time each pool's threads used from a moment on: what the storm cost whatever else the machine was
     * doing (wall times on a shared machine are not the bot's alone). Threads that ended meanwhile are not counted.
     */
    private record CpuByPool(Map<Long, Long> startNanos) {

        static CpuByPool now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> start = new java.util.HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                start.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
            return new CpuByPool(start);
        }

        String since() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> byPool = new java.util.HashMap<>();
            long total = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId()) - startNanos.getOrDefault(info.getThreadId(), 0L));
                byPool.merge(info.getThreadName().replaceAll("[0-9]+", "#"), used, Long::sum);
                total += used;
            }
            return String.format(Locale.ROOT, "%d ms in all; ", total / 1_000_000) + byPool.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").collect(Collectors.joining(", "));
        }
    }

    /** Live threads counted by name with the numbers dropped ("cfcheck-probe-" for "cfcheck-probe-12"), most first. */
    private static String threadsByPool() {
        Map<String, Long> pools = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"), Collectors.counting()));
        return pools.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The default limits, raised just enough when the storm sends more per user or per channel than they allow. */
    static RateLimits fitting(int commands, int users, int channels) {
        int perUser = (commands + users - 1) / users;
        int perChannel = (commands + channels - 1) / channels;
        RateLimits d = RateLimits.DEFAULTS;
        if (perUser <= d.perUser().checks() && perChannel <= d.perChannel().checks()) {
            return d;
        }
        return new RateLimits(new RateLimits.Limit(Math.max(perUser, d.perUser().checks()), d.perUser().window()),
                new RateLimits.Limit(Math.max(perChannel, d.perChannel().checks()), d.perChannel().window()));
    }

    /**
     * The same signed POSTs, at once, to a handler that reads the body and answers, on the server the Slack endpoint
     * runs on with its limits: what the transport costs. Two rounds, the first warming the server up as the storm at
     * another path warmed the bot; sorted nanos of each.
     */
    private static long[][] rawFloor(List<String> bodies, String[] cpuOfSecondRound) throws Exception {
        Handler answerAtOnce = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                BoundedBody.read(request, 64 * 1024).whenComplete((body, failure) -> {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    Content.Sink.write(response, true, "{\"response_type\":\"ephemeral\",\"text\":\"checking…\"}", callback);
                });
                return true;
            }
        };
        try (BoundedHttpServer server = BoundedHttpServer.start("raw-floor", "127.0.0.1", 0, BoundedHttpServer.Limits.DEFAULTS, answerAtOnce)) {
            SignedRequests requests = new SignedRequests(server.address().getPort(), "floor");
            long[] first = SlackStorm.sortedNanos(SlackStorm.sendAll(requests, bodies));
            CpuByPool cpu = CpuByPool.now();
            long[] second = SlackStorm.sortedNanos(SlackStorm.sendAll(requests, bodies));
            cpuOfSecondRound[0] = cpu.since();
            return new long[][] {first, second};
        }
    }

    /** VmHWM: the most resident memory this process has had, in KiB (0 where /proc is not there). */
    private static long peakRssKib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    private static String mark(boolean met) {
        return met ? "ok" : "MISSED";
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
