package dev.cfcheck.probes.edge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns untrusted text from the network (a page title, a header value, an exception message) into one short
 * line of plain text that is safe to show on a card: no tags, basic entities decoded, no control or invisible
 * formatting characters, whitespace collapsed, length capped. Renderers still escape it for their format.
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
        return line(decodeEntities(TAG.matcher(html).replaceAll(" ")));
    }

    /**
     * One line of untrusted plain text (a header value, an exception message): control and invisible
     * characters dropped, whitespace collapsed, length capped. {@code null} when nothing is left.
     */
    static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || unsafe(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            if (out.length() > MAX_LENGTH) {
                break;
            }
        }
        if (out.length() == 0) {
            return null;
        }
        if (out.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH - 1;
            if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--; // never split a surrogate pair
            }
            return out.substring(0, cut).stripTrailing() + "\u2026";
        }
        return out.toString();
    }

    /**
     * Control characters, and format characters (bidi overrides, zero-width joiners) that could make a
     * title read differently from what it is.
     */
    private static boolean unsafe(int cp) {
        return Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.PRIVATE_USE
                || Character.getType(cp) == Character.UNASSIGNED;
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
            return Character.isValidCodePoint(cp) && !unsafe(cp) ? new String(Character.toChars(cp)) : " ";
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
