package dev.cfcheck.bot.discord;

import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gateway session: registers the commands once it is ready, and logs drops and reconnects.
 * Reconnecting is JDA's job (resume when Discord allows it, otherwise a new session); this only makes it
 * visible to whoever runs the bot, and reports the end of the session to the adapter.
 */
final class GatewayWatch extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayWatch.class);

    private final String guildId;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    GatewayWatch(String guildId) {
        this.guildId = guildId;
    }

    /** Completes with the gateway close code when the session ends for good (shutdown or a fatal close). */
    CompletableFuture<Integer> ended() {
        return ended;
    }

    @Override
    public void onReady(ReadyEvent event) {
        LOG.info("Discord: connected as {} (application {}), {} server(s)",
                event.getJDA().getSelfUser().getName(), event.getJDA().getSelfUser().getApplicationId(),
                event.getGuildTotalCount());
        SlashCommands.register(event.getJDA(), guildId);
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        CloseCode code = event.getCloseCode();
        LOG.warn("Discord: gateway connection lost ({}); JDA is reconnecting",
                code == null ? "no close code" : code.getCode() + " " + code.getMeaning());
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        LOG.info("Discord: gateway session resumed");
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        LOG.info("Discord: gateway reconnected with a new session");
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        CloseCode code = event.getCloseCode();
        if (code != null && !code.isReconnect()) {
            LOG.error("Discord: the gateway closed the session for good: {} {}", code.getCode(), code.getMeaning());
        } else {
            LOG.info("Discord: disconnected");
        }
        ended.complete(event.getCode());
    }
}
