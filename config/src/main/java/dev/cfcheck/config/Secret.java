package dev.cfcheck.config;

/**
 * A credential read by {@link Secrets}. Its {@code toString} names where it came from, never the value, so it
 * can be logged by accident without harm.
 *
 * @param name   the variable name, e.g. {@code SLACK_BOT_TOKEN}
 * @param source where the value was read, for a start-up log line: {@code environment variable SLACK_BOT_TOKEN}
 *               or {@code file /run/secrets/slack (SLACK_BOT_TOKEN_FILE)}
 * @param value  the secret itself: hand it to the client library and nowhere else
 */
public record Secret(String name, String source, String value) {

    @Override
    public String toString() {
        return "Secret[" + name + " from " + source + "]";
    }
}
