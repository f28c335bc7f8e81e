package dev.cfcheck.bench;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.testing.HostileCase;
import dev.cfcheck.testing.HostileSite;
import dev.cfcheck.testing.HostileSite.Position;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap the hostile-origins suite needs (docs/hostile-origins.md): every {@link HostileCase} at the
 * edge and at the origin, first one after another, then all at once, in one JVM (run it with {@code -Xmx256m}:
 * {@code bench/hostile-heap}). Prints the verdicts and, per phase, the most heap seen in use (sampled every 5 ms,
 * garbage included; the heap pools' peaks, {@code MemoryPoolMXBean.getPeakUsage}, summed beside it as an upper
 * bound) and the most heap still in use after a collection (from the collectors' notifications: the live peak).
 * Client and servers share the JVM, so the figures cover both sides: the servers stream, they hold 64 KiB at most.
 */
public final class HostileHeap {

    private static final AtomicLong MOST_USED = new AtomicLong();
    /** The most heap still in use right after a collection: what was live, garbage aside. */
    private static final AtomicLong MOST_LIVE = new AtomicLong();

    private HostileHeap() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("mockwebserver3").setLevel(java.util.logging.Level.OFF);
        Thread sampler = new Thread(HostileHeap::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(HostileHeap::collected, null, null);
        }
        Path dir = Files.createTempDirectory("cfcheck-hostile");
        System.out.printf(Locale.ROOT, "max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        try (HostileSite site = HostileSite.start(dir, HostileSite.Limits.SUITE)) {
            reset("started");
            for (Position position : Position.values()) {
                for (HostileCase hostile : cases(position)) {
                    print(position, hostile, site.check(position, hostile));
                }
            }
            reset("one after another");
            ExecutorService callers = Executors.newCachedThreadPool();
            List<CompletableFuture<String>> running = new ArrayList<>();
            for (Position position : Position.values()) {
                for (HostileCase hostile : cases(position)) {
                    running.add(CompletableFuture.supplyAsync(() -> line(position, hostile, site.check(position, hostile)), callers));
                }
            }
            running.forEach(r -> System.out.println(r.join()));
            callers.shutdown();
            reset("all at once");
        }
    }

    private static List<HostileCase> cases(Position position) {
        return List.of(HostileCase.values()).stream().filter(c -> position == Position.EDGE || c.appliesAtOrigin()).toList();
    }

    private static void print(Position position, HostileCase hostile, CheckReport report) {
        System.out.println(line(position, hostile, report));
    }

    private static String line(Position position, HostileCase hostile, CheckReport report) {
        return String.format(Locale.ROOT, "  %-6s %-36s %-24s %-14s %6d ms", position, hostile, report.verdict().kind(),
                report.verdict().code(), report.elapsedMs());
    }

    /** Prints the phase's figures, then starts the next phase from a collected heap. */
    private static void reset(String phase) {
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%s: most heap in use %.1f MiB (heap pools' peaks sum to %.1f MiB);"
                + " most live after a collection %.1f MiB%n",
                phase, MOST_USED.get() / 1048576.0, poolPeaks / 1048576.0, MOST_LIVE.get() / 1048576.0);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        MOST_USED.set(0);
        MOST_LIVE.set(0);
    }

    private static void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcCause().equals("System.gc()")) {
            return; // ours, between phases
        }
        long live = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum()
                - nonHeap(info);
        MOST_LIVE.accumulateAndGet(live, Math::max);
    }

    /** The non-heap pools the collector also reports (metaspace, code cache), to leave them out. */
    private static long nonHeap(GarbageCollectionNotificationInfo info) {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.NON_HEAP && after != null) {
                sum += after.getUsed();
            }
        }
        return sum;
    }

    private static void sample() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (true) {
            MOST_USED.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
