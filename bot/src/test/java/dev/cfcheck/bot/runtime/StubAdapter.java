package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.adapter.BotAdapter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An adapter for runtime tests: starts at once, runs until stopped, and has a platform link the test drops and
 * restores ({@link #connected}). {@link #awaitRuntimeWaiting()} returns once the runtime waits on it, which it
 * does only after it has started every adapter before and after it in the plan.
 */
public class StubAdapter implements BotAdapter {
    private final String name;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch runtimeWaiting = new CountDownLatch(1);
    public volatile boolean connected = true;

    public StubAdapter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
    }

    @Override
    public boolean ready() {
        return connected;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        runtimeWaiting.countDown();
        stopped.await();
    }

    public void awaitRuntimeWaiting() throws InterruptedException {
        if (!runtimeWaiting.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the runtime never waited on " + name);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
