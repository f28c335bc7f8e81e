package dev.cfcheck.bot.slack;

import dev.cfcheck.bot.http.BoundedHttpServer;
import java.util.Objects;

/**
 * How to reach Slack. Tokens are secrets: {@link #toString()} never shows them.
 *
 * @param mode          Socket Mode or HTTP mode
 * @param botToken      SLACK_BOT_TOKEN (xoxb-)
 * @param appToken      SLACK_APP_TOKEN (xapp-), Socket Mode only
 * @param signingSecret SLACK_SIGNING_SECRET, HTTP mode only
 * @param bindAddress   HTTP mode: SLACK_BIND, an IP literal (default all interfaces)
 * @param port          HTTP mode: SLACK_PORT (0 picks a free port)
 * @param apiUrl        SLACK_API_URL, ending in "/"
 * @param httpLimits    HTTP mode: deadlines and bounds of the endpoint (tests shorten them)
 */
public record SlackSettings(Mode mode, String botToken, String appToken, String signingSecret,
                            String bindAddress, int port, String apiUrl, BoundedHttpServer.Limits httpLimits) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final int DEFAULT_PORT = 3000;
    /** All interfaces, as a container needs; put a TLS-terminating proxy in front. */
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final String EVENTS_PATH = "/slack/events";

    public enum Mode {
        /** Slack connects nothing to us: we open a WebSocket to Slack (no public URL needed). */
        SOCKET,
        /** Slack POSTs to {@code /slack/events}; requests are verified with the signing secret. */
        HTTP
    }

    public SlackSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(botToken, "botToken");
        apiUrl = apiUrl == null ? DEFAULT_API_URL : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        httpLimits = httpLimits == null ? BoundedHttpServer.Limits.DEFAULTS : httpLimits;
    }

    public static SlackSettings socketMode(String botToken, String appToken, String apiUrl) {
        return new SlackSettings(Mode.SOCKET, botToken, Objects.requireNonNull(appToken), null, null, 0, apiUrl, null);
    }

    public static SlackSettings httpMode(String botToken, String signingSecret, String bindAddress, int port, String apiUrl) {
        return new SlackSettings(Mode.HTTP, botToken, null, Objects.requireNonNull(signingSecret),
                bindAddress == null ? DEFAULT_BIND : bindAddress, port, apiUrl, null);
    }

    public SlackSettings withHttpLimits(BoundedHttpServer.Limits limits) {
        return new SlackSettings(mode, botToken, appToken, signingSecret, bindAddress, port, apiUrl, limits);
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", bind=" + bindAddress + ", port=" + port + ", apiUrl=" + apiUrl + ", tokens=<hidden>]";
    }
}
