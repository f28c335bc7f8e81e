package dev.cfcheck.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.BotAdapter;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack on Bolt for Java: Socket Mode (a WebSocket we open, reconnected by the SDK when Slack asks) or
 * HTTP mode (our own {@code /slack/events} endpoint). Either way the same handlers run.
 */
public final class SlackAdapter implements BotAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    /** Slack wants an ack within 3 s; Web API calls (auth.test, response_url posts) get a little more. */
    private static final int HTTP_TIMEOUT_MS = 10_000;

    private final SlackSettings settings;
    private final CommandRouter router;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ThreadPoolExecutor responses;
    private Slack slack;
    private App app;
    private SocketModeApp socketMode;
    private SlackHttpEndpoint http;

    public SlackAdapter(SlackSettings settings, CommandRouter router) {
        this.settings = settings;
        this.router = router;
        AtomicInteger n = new AtomicInteger();
        // Every reply (cards, apologies, button answers) is posted to a response_url from here, bounded. Cards
        // come in bursts (every request that joined one probe run gets its card at once), so the queue holds a storm.
        this.responses = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2048), r -> {
            Thread t = new Thread(r, "cfcheck-slack-reply-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.responses.allowCoreThreadTimeOut(true);
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public synchronized void start() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setHttpClientReadTimeoutMillis(HTTP_TIMEOUT_MS);
        config.setHttpClientWriteTimeoutMillis(HTTP_TIMEOUT_MS);
        config.setHttpClientCallTimeoutMillis(HTTP_TIMEOUT_MS);
        // The SDK's own per-call statistics: threads and memory that nothing here reads.
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken());
        if (settings.mode() == SlackSettings.Mode.HTTP) {
            appConfig.signingSecret(settings.signingSecret());
        }
        app = new App(appConfig.build());
        new SlackCommands(router, responses, new ResponseUrlPoster(slack)).register(app);

        if (settings.mode() == SlackSettings.Mode.SOCKET) {
            // Ask once ourselves: Bolt's socket client logs a stack trace and fails later with a bare
            // NullPointerException when the app token is refused.
            AppsConnectionsOpenResponse open;
            try {
                open = slack.methods(settings.appToken()).appsConnectionsOpen(r -> r);
            } catch (SlackApiException e) {
                String error = e.getError() == null ? "HTTP " + e.getResponse().code() : e.getError().getError();
                throw new IllegalStateException("Slack refused SLACK_APP_TOKEN (" + error + ")", e);
            }
            if (!open.isOk()) {
                throw new IllegalStateException("Slack refused SLACK_APP_TOKEN (" + open.getError() + ")");
            }
            socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.Tyrus);
            socketMode.startAsync();
            LOG.info("Slack connected in Socket Mode via {}", settings.apiUrl());
        } else {
            app.start();
            http = new SlackHttpEndpoint(app, settings.signingSecret(), Clock.systemUTC());
            http.start(settings.bindAddress(), settings.port(), settings.httpLimits());
            LOG.info("Slack listening in HTTP mode on {}:{}{}", settings.bindAddress(), http.port(), SlackSettings.EVENTS_PATH);
        }
    }

    /** HTTP mode: the port bound (tests use port 0). */
    public synchronized int httpPort() {
        if (http == null) {
            throw new IllegalStateException("not in HTTP mode or not started");
        }
        return http.port();
    }

    /** HTTP mode: the endpoint (tests read what reached Bolt). */
    synchronized SlackHttpEndpoint httpEndpoint() {
        httpPort();
        return http;
    }

    /**
     * HTTP mode: the endpoint is listening. Socket Mode: the SDK's client runs (it checks its socket every few
     * seconds and re-opens a dropped one itself); the SDK cannot say whether the socket is open at this instant
     * without a ping of its own, which would take the pong its session monitor waits for.
     */
    @Override
    public synchronized boolean ready() {
        return http != null || (socketMode != null && !socketMode.isClientStopped());
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        ended.await();
    }

    @Override
    public synchronized void stop() {
        try {
            if (socketMode != null) {
                SocketModeClient client = socketMode.getClient();
                if (client != null) {
                    client.close();
                }
                socketMode.stop();
                socketMode = null;
            }
            if (http != null) {
                http.stop();
                http = null;
            }
            if (app != null) {
                app.stop();
            }
            responses.shutdown();
            if (!responses.awaitTermination(5, TimeUnit.SECONDS)) {
                responses.shutdownNow();
            }
            if (slack != null) {
                slack.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Slack did not disconnect cleanly: {}", e.toString());
        } finally {
            ended.countDown();
        }
    }
}
