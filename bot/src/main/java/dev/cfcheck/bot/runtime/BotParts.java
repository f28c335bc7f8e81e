package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.bot.router.OriginReader;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.TargetValidator;
import dev.cfcheck.check.CheckService;

/**
 * What the bot needs from the core, built from the config file: the checker, input validation, request
 * defaults (resolver, deadline, per-domain origins and settings) and the {@code bot} section.
 *
 * @param resources closed when the bot ends (the checker's threads and cache); may be a no-op
 */
public record BotParts(
        CheckService checks,
        TargetValidator targets,
        OriginReader origins,
        CheckRequestFactory requests,
        RouterSettings settings,
        AutoCloseable resources) {

    public BotParts {
        resources = resources == null ? () -> { } : resources;
    }
}
