package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.OneLine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an untrusted HTML fragment (a page title): tags removed, basic entities decoded, then made
 * one safe line by {@link OneLine}. Renderers still escape it for their format.
 */
final class HtmlText {

    /** Longest text kept; a title longer than this is cut and ends with an ellipsis. */
    static final int MAX_LENGTH = 120;

    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    /** The plain-text line of an HTML fragment, or {@code null} when nothing readable is left. */
    static String plain(String html) {
        if (html == null) {
            return null;
        }
        return OneLine.of(decodeEntities(TAG.matcher(html).replaceAll(" ")), MAX_LENGTH);
    }

    private static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String name, String whole) {
        if (name.charAt(0) == '#') {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int cp;
            try {
                cp = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return " ";
            }
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " "; // OneLine drops the unsafe ones
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "bull" -> "\u2022";
            case "middot" -> "\u00b7";
            case "ndash" -> "\u2013";
            case "mdash" -> "\u2014";
            case "hellip" -> "\u2026";
            default -> whole; // unknown named entity: left as written, it is plain text anyway
        };
    }
}
