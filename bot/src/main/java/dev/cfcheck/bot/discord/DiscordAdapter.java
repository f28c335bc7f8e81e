package dev.cfcheck.bot.discord;

import dev.cfcheck.bot.render.discord.EmbedRenderer;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.BotAdapter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * <p>Made by {@link DiscordAdapterFactory} when {@code DISCORD_TOKEN} is set; the bot runtime starts it beside
 * the other adapters, waits on {@link #awaitTermination()} and calls {@link #stop()} on shutdown.
 */
public final class DiscordAdapter implements BotAdapter, AutoCloseable {
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

    @Override
    public String name() {
        return "discord";
    }

    /**
     * Logs in to Discord and starts the gateway session; returns once the token is accepted. The commands are
     * registered when the session is ready.
     *
     * @throws IllegalStateException with one line saying why Discord could not be started
     */
    @Override
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

    /** Completes when the session has ended: after {@link #stop()}, or when Discord closed it for good. */
    public CompletableFuture<Integer> ended() {
        return watch.ended();
    }

    /** The gateway session is up (JDA's status CONNECTED); not while JDA re-makes a dropped one, nor once ended. */
    @Override
    public boolean ready() {
        JDA session = jda;
        return session != null && session.getStatus() == JDA.Status.CONNECTED;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        if (jda == null) {
            return;
        }
        try {
            watch.ended().get();
        } catch (ExecutionException e) {
            // ended() is only ever completed normally.
        }
    }

    /** The JDA session, for tests and diagnostics; {@code null} before {@link #start()}. */
    JDA jda() {
        return jda;
    }

    @Override
    public void close() {
        stop();
    }

    /** Disconnects, letting queued replies go out first (bounded). Idempotent. */
    @Override
    public void stop() {
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
