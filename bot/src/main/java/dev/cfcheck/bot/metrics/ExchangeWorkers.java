package dev.cfcheck.bot.metrics;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics server's threads: two of them, a short queue, and a deadline on every exchange.
 *
 * <p>The JDK's server reads the request and writes the response on these threads with blocking channel
 * I/O and, by default, no timeout ({@code sun.net.httpserver.maxReqTime} is JVM-wide and read once), so a
 * client that stops half-way through its request would hold a thread for good. At the deadline the thread
 * is interrupted, which closes the channel under the blocked read or write. When the queue is full the
 * executor refuses the exchange and the JDK's server closes that connection: a scraper retries next
 * interval, and the bot never queues without bound.
 */
final class ExchangeWorkers implements Executor, AutoCloseable {

    /** A scrape takes milliseconds; Prometheus's own scrape timeout defaults to 10 s. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeWorkers.class);
    private static final int THREADS = 2;
    private static final int QUEUE = 8;

    private final Duration deadline;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor alarms;

    ExchangeWorkers(Duration deadline) {
        this.deadline = deadline;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> daemon(r, "cfcheck-metrics-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.alarms = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "cfcheck-metrics-deadline"));
        // Almost every alarm is cancelled; without this they would sit in the queue until they were due.
        this.alarms.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> runBefore(exchange));
    }

    private void runBefore(Runnable exchange) {
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> due = alarms.schedule(alarm::ring, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try {
            exchange.run();
        } finally {
            due.cancel(false);
            alarm.disarm();
            // An alarm that rang as the exchange ended must not cut the next one short.
            Thread.interrupted();
        }
    }

    /** Stops the threads: the server has stopped first, so nothing is left to run. */
    @Override
    public void close() {
        alarms.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Interrupts one worker, unless its exchange has already ended (then the worker may be on another one). */
    private static final class Alarm {
        private final Thread worker;
        private boolean armed = true;

        Alarm(Thread worker) {
            this.worker = worker;
        }

        synchronized void ring() {
            if (armed) {
                LOG.debug("metrics exchange past its deadline on {}: closing it", worker.getName());
                worker.interrupt();
            }
        }

        synchronized void disarm() {
            armed = false;
        }
    }
}
