package dev.cfcheck.bot.health;

import java.util.Objects;

/**
 * A readiness known only later: the operator port starts before the adapters do (it measures them), so it is
 * given this, which answers "starting" until the runtime that knows the adapters is {@link #follow followed}.
 */
public final class DeferredReadiness implements Readiness {

    private volatile Readiness source = STARTING;

    /** From now on, answers what {@code source} says. */
    public void follow(Readiness source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Status now() {
        return source.now();
    }
}
