package dev.cfcheck.bot.router;

/** The words of {@code /cfcheck help}: code spans read the same in Slack, Discord and a terminal. */
final class HelpText {

    static final String TEXT = String.join("\n",
            "cfcheck tells which Cloudflare error a site shows (502-504, 520-527, 530, 1xxx...), what it means, and what to fix next.",
            "`/cfcheck example.com` checks a site; a URL works too: `/cfcheck https://example.com/login`",
            "`/cfcheck example.com origin=203.0.113.7` also tries the origin server directly (IP or IP:PORT, up to 4)",
            "`/cfcheck example.com fresh` skips the cached result",
            "`/cfcheck help` shows this");

    private HelpText() {
    }
}
