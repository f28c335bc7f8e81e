package dev.cfcheck.bot.cli;

import dev.cfcheck.bot.wiring.RuntimeSettings;
import dev.cfcheck.config.CfcheckConfig;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code check} options that override the config file: only those the user actually gave. */
record CliOverrides(String resolver, Double timeoutSeconds, boolean allowPrivate, Path rangesFile, Path caFile) {

    RuntimeSettings apply(CfcheckConfig config) {
        RuntimeSettings s = RuntimeSettings.from(config);
        if (resolver != null) {
            s = s.withResolver(RuntimeSettings.resolver(resolver));
        }
        if (timeoutSeconds != null) {
            if (timeoutSeconds.isNaN() || timeoutSeconds <= 0) {
                throw new dev.cfcheck.site.BadInputException("--timeout must be a positive number of seconds");
            }
            s = s.withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        if (allowPrivate) {
            s = s.withAllowPrivate(true);
        }
        if (rangesFile != null) {
            s = s.withRangesFile(rangesFile);
        }
        if (caFile != null) {
            s = s.withCaFile(caFile);
        }
        return s;
    }
}
