package dev.cfcheck.bot.runtime;

import java.nio.file.Path;

/** Builds the bot's parts from the config file (the CLI's {@code Main} supplies the real one). */
@FunctionalInterface
public interface BotWiring {

    /**
     * @param configFile {@code --config}, or {@code null} for {@code CFCHECK_CONFIG} or the defaults
     * @throws IllegalArgumentException with a one-line message naming the bad key or value
     */
    BotParts load(Path configFile) throws Exception;
}
