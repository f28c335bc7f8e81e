package dev.cfcheck.bot.render.discord;

import dev.cfcheck.bot.card.Clip;

/**
 * Makes text inert in Discord markdown. Everything that came from the network or a user goes through here
 * before it reaches an embed title, description or field, so a probed site cannot bold, link, quote,
 * mention, spoil or break the layout of the card.
 */
public final class DiscordMarkdown {

    /**
     * ASCII punctuation Discord's markdown reacts to. A backslash before any of them renders the character
     * itself: {@code * _ ~ | `} (emphasis, strike, spoiler, code), {@code > #  -} (quotes, headers, lists,
     * subtext), {@code [ ] ( )} (masked links), {@code < @} (mentions, channels, custom emoji, timestamps),
     * and the backslash itself.
     */
    private static final String SPECIAL = "\\*_~|`>#-[]()<@";

    private DiscordMarkdown() {
    }

    /** Text that renders exactly as given: markdown characters escaped, and URLs no longer turned into links. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\');
            } else if (c == ':' && text.startsWith("//", i + 1)) {
                // "https\://" still shows as https:// but Discord no longer makes it a clickable link.
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * A fenced code block. Backslashes do not work inside one, so the only danger is a run of backticks
     * closing the fence early: a zero-width space between backticks keeps single ones (and so most
     * commands) intact while no run of three can form.
     */
    public static String codeBlock(String code) {
        return "```sh\n" + neutraliseFences(code == null ? "" : code) + "\n```";
    }

    /** Shortens already-escaped text to at most {@code max} characters, never leaving a dangling escape. */
    public static String fit(String escaped, int max) {
        if (escaped.length() <= max) {
            return escaped;
        }
        if (max <= 0) {
            return "";
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        // An odd run of backslashes at the cut would escape the ellipsis and leave a stray "\" visible.
        int slashes = 0;
        while (end - slashes - 1 >= 0 && escaped.charAt(end - slashes - 1) == '\\') {
            slashes++;
        }
        if (slashes % 2 == 1) {
            end--;
        }
        return Clip.cut(escaped, end);
    }

    static String neutraliseFences(String code) {
        if (code.indexOf('`') < 0) {
            return code;
        }
        StringBuilder b = new StringBuilder(code.length() + 8);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '`' && i > 0 && code.charAt(i - 1) == '`') {
                b.append('\u200b');
            }
            b.append(c);
        }
        return b.toString();
    }
}
