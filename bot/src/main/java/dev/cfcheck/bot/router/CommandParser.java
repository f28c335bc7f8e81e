package dev.cfcheck.bot.router;

import dev.cfcheck.bot.card.Clip;
import dev.cfcheck.site.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /cfcheck <domain-or-url> [origin=IP[:PORT]] [fresh]} and {@code /cfcheck help}. The leading
 * {@code /cfcheck} is optional (Slack and Discord strip it, the console does not). Slack's link syntax
 * ({@code <https://x|x>}, {@code <https://x>}) and its {@code &amp;}-style escapes are undone first.
 */
public final class CommandParser {

    /** Longer than any domain-or-URL plus a few origins: anything past this is not a real command. */
    static final int MAX_INPUT = 2_000;
    static final int MAX_ORIGINS = 4;

    // <url|label> or <url>; a label is what the user typed, so it wins over the URL Slack made of it.
    // key=value with a word for a key; "example.com?a=b" is a target, not an option.
    private static final Pattern OPTION = Pattern.compile("-{0,2}[A-Za-z][A-Za-z_-]*=.*");
    private static final Pattern SLACK_LINK = Pattern.compile("<([^<>|\\s]+)(?:\\|([^<>]*))?>");

    public ParsedCommand parse(String text) {
        String line = text == null ? "" : text.strip();
        if (line.length() > MAX_INPUT) {
            throw new BadInputException("that command is too long (" + line.length() + " characters, at most " + MAX_INPUT + ")");
        }
        line = unwrapSlackLinks(line);
        List<String> tokens = new ArrayList<>(List.of(line.isEmpty() ? new String[0] : line.split("\\s+")));
        if (!tokens.isEmpty() && tokens.get(0).equalsIgnoreCase("/cfcheck")) {
            tokens.remove(0);
        }
        if (tokens.isEmpty() || (tokens.size() == 1 && isHelp(tokens.get(0)))) {
            return new ParsedCommand.Help();
        }
        String target = null;
        List<String> origins = new ArrayList<>();
        boolean fresh = false;
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("fresh") || lower.equals("--fresh")) {
                fresh = true;
            } else if (lower.startsWith("origin=") || lower.startsWith("--origin=")) {
                String value = token.substring(token.indexOf('=') + 1);
                if (value.isEmpty()) {
                    throw new BadInputException("origin= needs an address, e.g. origin=203.0.113.7 or origin=203.0.113.7:8443");
                }
                origins.add(value);
                if (origins.size() > MAX_ORIGINS) {
                    throw new BadInputException("at most " + MAX_ORIGINS + " origin= addresses per check");
                }
            } else if (OPTION.matcher(token).matches()) {
                throw new BadInputException("unknown option '" + shown(token.substring(0, token.indexOf('='))) + "' (expected origin=IP[:PORT] or fresh)");
            } else if (isHelp(token)) {
                return new ParsedCommand.Help();
            } else if (target == null) {
                target = token;
            } else {
                throw new BadInputException("one domain or URL at a time: unexpected '" + shown(token) + "'");
            }
        }
        if (target == null) {
            throw new BadInputException("which site? e.g. /cfcheck example.com");
        }
        return new ParsedCommand.Check(target, origins, fresh);
    }

    /** Slack sends links as {@code <https://x|x>} and escapes {@code & < >}; give back what the user typed. */
    static String unwrapSlackLinks(String s) {
        Matcher m = SLACK_LINK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = m.group(2);
            String replacement = label != null && !label.isBlank() ? label : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static boolean isHelp(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return t.equals("help") || t.equals("--help") || t.equals("-h") || t.equals("?");
    }

    /** A short, flat piece of user input for an error message (renderers still escape it). */
    static String shown(String s) {
        return Clip.line(s, 60);
    }
}
