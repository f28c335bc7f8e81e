package dev.cfcheck.bot.runtime;

/** Runs a {@link BotRuntime} on its own daemon thread, as the process's main thread would. */
public final class RuntimeThread {

    private RuntimeThread() {
    }

    /** Starts {@code runtime.run()} in the background; join the thread to wait for the runtime's end. */
    public static Thread start(BotRuntime runtime) {
        Thread main = new Thread(() -> {
            try {
                runtime.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bot-runtime-under-test");
        main.setDaemon(true);
        main.start();
        return main;
    }
}
