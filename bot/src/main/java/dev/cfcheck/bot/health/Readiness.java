package dev.cfcheck.bot.health;

import java.util.Objects;

/**
 * Whether the bot can take commands right now: what the operator port's {@code /readyz} answers. An orchestrator
 * sends no traffic to (and a Docker health check reports unhealthy) a bot that is not ready.
 */
@FunctionalInterface
public interface Readiness {

    /** Before the adapters have been started. */
    Readiness STARTING = () -> Status.notReady("starting");

    Status now();

    /**
     * @param ready whether every configured adapter is connected
     * @param text  one short line for the operator, after "ready: " or "not ready: ": which adapters are up,
     *              or which are not and why
     */
    record Status(boolean ready, String text) {

        public Status {
            Objects.requireNonNull(text, "text");
        }

        public static Status ready(String text) {
            return new Status(true, text);
        }

        public static Status notReady(String text) {
            return new Status(false, text);
        }
    }
}
