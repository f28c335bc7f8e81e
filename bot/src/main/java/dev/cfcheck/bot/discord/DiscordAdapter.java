package dev.cfcheck.bot.discord;

import dev.cfcheck.bot.render.discord.EmbedRenderer;
import dev.cfcheck.bot.router.CommandRouter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cfcheck} as a Discord application: one JDA gateway session (no privileged intents) whose slash
 * commands and buttons go through the shared command router. Nothing here is shared with the other adapters
 * except the router, so a Discord outage cannot stop Slack or the console, and the reverse.
 *
 * <pre>{@code
 * DiscordSettings.fromEnvironment(System.getenv()).ifPresent(s -> {
 *     DiscordAdapter discord = new DiscordAdapter(s, router);
 *     discord.start();              // logs in; the gateway connects in the background
 *     discord.ended().join();       // until shutdown or a fatal gateway close
 * });
 * }</pre>
 */
public final class DiscordAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final DiscordSettings settings;
    private final InteractionHandler handler;
    private final GatewayWatch watch;
    private volatile JDA jda;

    public DiscordAdapter(DiscordSettings settings, CommandRouter router) {
        this.settings = settings;
        this.handler = new InteractionHandler(router, new Replies(new EmbedRenderer()));
        this.watch = new GatewayWatch(settings.guildId());
    }

    /**
     * Logs in to Discord and starts the gateway session; returns once the token is accepted. The commands are
     * registered when the session is ready.
     *
     * @throws IllegalStateException with one line saying why Discord could not be started
     */
    public void start() {
        if (settings.customEndpoints()) {
            LOG.info("Discord: using API {} and gateway {}",
                    settings.apiUrl() == null ? "(Discord's)" : settings.apiUrl(),
                    settings.gatewayUrl() == null ? "(Discord's)" : settings.gatewayUrl());
        }
        try {
            jda = DiscordConnection.open(settings, watch, handler);
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord refused the token in " + DiscordSettings.TOKEN);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Discord could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** Completes when the session has ended: after {@link #close()}, or when Discord closed it for good. */
    public CompletableFuture<Integer> ended() {
        return watch.ended();
    }

    /** The JDA session, for tests and diagnostics; {@code null} before {@link #start()}. */
    JDA jda() {
        return jda;
    }

    /** Disconnects, letting queued replies go out first (bounded). */
    @Override
    public void close() {
        JDA session = jda;
        if (session == null) {
            return;
        }
        session.shutdown();
        try {
            if (!session.awaitShutdown(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Discord: replies still queued after {}; dropping them", SHUTDOWN_WAIT);
                session.shutdownNow();
            }
        } catch (InterruptedException e) {
            session.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
