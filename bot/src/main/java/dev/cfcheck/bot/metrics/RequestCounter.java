package dev.cfcheck.bot.metrics;

import dev.cfcheck.bot.router.Platform;
import dev.cfcheck.bot.router.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts the router's requests by {@code platform} and {@code outcome}: {@code cfcheck.requests}, in
 * Prometheus {@code cfcheck_requests_total}. Every pair starts at zero, as Prometheus advises, so that
 * {@code rate()} and {@code increase()} see the first refusal rather than a series appearing from nowhere.
 */
public final class RequestCounter implements RequestListener {

    static final String REQUESTS = "cfcheck.requests";

    private final Map<Platform, Map<Outcome, Counter>> counters = new EnumMap<>(Platform.class);

    public RequestCounter(MeterRegistry registry) {
        for (Platform platform : Platform.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(REQUESTS)
                        .description("Commands and Re-run clicks the bot handled, by platform and outcome")
                        .tag("platform", platform.id())
                        .tag("outcome", outcome.id())
                        .register(registry));
            }
            counters.put(platform, byOutcome);
        }
    }

    @Override
    public void handled(Platform platform, Outcome outcome) {
        counters.get(platform).get(outcome).increment();
    }
}
