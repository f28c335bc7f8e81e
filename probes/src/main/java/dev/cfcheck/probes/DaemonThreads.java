package dev.cfcheck.probes;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread factory of every pool in the probes and the checker: numbered names, so a thread dump says
 * whose thread it is, and daemon threads, so a probe abandoned at the deadline never keeps the JVM alive.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    /** @param prefix the name of the pool, e.g. {@code "cfcheck-edge-"}; a number follows */
    public DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
