package dev.cfcheck.bot.render.slack;

import dev.cfcheck.bot.card.Clip;
import java.util.regex.Pattern;

/**
 * Makes text safe for Slack. Slack's markup lives in {@code & < >} ({@code <!channel>}, {@code <@U123>},
 * {@code <https://x|label>}), so escaping those three makes network data inert; backticks are swapped for
 * a look-alike so nothing can close a code block early; {@code @here}-style words get an invisible joiner.
 * Lengths are counted after escaping, and a cut never lands inside an entity or a surrogate pair.
 */
public final class SlackText {

    /** MODIFIER LETTER GRAVE ACCENT: looks like a backtick, means nothing to mrkdwn. */
    static final char BACKTICK_LOOKALIKE = '\u02CB';
    static final String WORD_JOINER = "\u2060";
    private static final String FENCE = "```";
    /** Compiled once: every text of every card passes it. */
    private static final Pattern BROADCAST = Pattern.compile("(?i)@(here|channel|everyone)");

    private SlackText() {
    }

    /** Escapes {@code & < >}: for our own words that echo user input. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Network data for mrkdwn: escaped, no backticks, no broadcast words. Put it in {@code verbatim} text. */
    public static String inert(String s) {
        return defuse(escape(s));
    }

    private static String defuse(String s) {
        return BROADCAST.matcher(s.replace('`', BACKTICK_LOOKALIKE)).replaceAll("@" + WORD_JOINER + "$1");
    }

    /** A fenced code block of network data, at most {@code max} characters in all. */
    public static String codeBlock(String raw, int max) {
        String body = trim(inert(raw), max - 2 * FENCE.length());
        return FENCE + body + FENCE;
    }

    /**
     * Text for a {@code plain_text} object. Slack does not parse it, but it is treated like mrkdwn anyway
     * (angle brackets swapped for look-alikes, backticks and broadcast words defused), so no rule depends
     * on which kind of text object a value lands in.
     */
    public static String plain(String s, int max) {
        String out = s == null ? "" : defuse(s.replace('<', '\u2039').replace('>', '\u203A'));
        return trim(out, max);
    }

    /**
     * At most {@code max} characters of already-escaped text, ending with an ellipsis when cut. The cut
     * backs off from a half entity ({@code &am}) and a lone high surrogate.
     */
    public static String trim(String escaped, int max) {
        if (escaped.length() <= max) {
            return escaped;
        }
        int end = Math.max(0, max - 1);
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp > end - 5) {
            int semi = escaped.indexOf(';', amp);
            if (semi < 0 || semi >= end) {
                end = amp;
            }
        }
        return Clip.cut(escaped, end);
    }
}
