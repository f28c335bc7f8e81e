package dev.cfcheck.bot.slack;

import java.util.Objects;

/**
 * How to reach Slack. Tokens are secrets: {@link #toString()} never shows them.
 *
 * @param mode          Socket Mode or HTTP mode
 * @param botToken      SLACK_BOT_TOKEN (xoxb-)
 * @param appToken      SLACK_APP_TOKEN (xapp-), Socket Mode only
 * @param signingSecret SLACK_SIGNING_SECRET, HTTP mode only
 * @param bindAddress   HTTP mode: the address to listen on
 * @param port          HTTP mode: SLACK_PORT (0 picks a free port)
 * @param apiUrl        SLACK_API_URL, ending in "/"
 */
public record SlackSettings(Mode mode, String botToken, String appToken, String signingSecret,
                            String bindAddress, int port, String apiUrl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final int DEFAULT_PORT = 3000;
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
    }

    public static SlackSettings socketMode(String botToken, String appToken, String apiUrl) {
        return new SlackSettings(Mode.SOCKET, botToken, Objects.requireNonNull(appToken), null, null, 0, apiUrl);
    }

    public static SlackSettings httpMode(String botToken, String signingSecret, String bindAddress, int port, String apiUrl) {
        return new SlackSettings(Mode.HTTP, botToken, null, Objects.requireNonNull(signingSecret), bindAddress, port, apiUrl);
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode + ", bind=" + bindAddress + ", port=" + port + ", apiUrl=" + apiUrl + ", tokens=<hidden>]";
    }
}
