package dev.cfcheck.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A hostname ({@code example.com}) or a wildcard over its subdomains ({@code *.example.com}), as written for
 * per-domain entries and for the bot's allowed domains. Kept in ASCII lower case without a trailing dot.
 *
 * <p>{@code *.example.com} matches {@code a.example.com} and {@code a.b.example.com}, not {@code example.com}
 * itself: list both when both are meant.
 *
 * @param pattern the normalized pattern, e.g. {@code *.example.com}
 */
public record HostPattern(String pattern) {

    private static final int MAX_NAME = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    public HostPattern {
        pattern = normalize(pattern);
    }

    /**
     * @throws IllegalArgumentException with a one-line reason when the text is not a hostname or wildcard
     */
    public static HostPattern of(String text) {
        return new HostPattern(text);
    }

    public boolean isWildcard() {
        return pattern.startsWith("*.");
    }

    /** Whether this pattern covers the host (ASCII; case and a trailing dot do not matter). */
    public boolean matches(String asciiHost) {
        String host = normalizeHost(asciiHost);
        if (!isWildcard()) {
            return host.equals(pattern);
        }
        return host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
    }

    /** The number of labels a pattern fixes: {@code *.b.example.com} (3) is more specific than {@code *.example.com} (2). */
    public int specificity() {
        String fixed = isWildcard() ? pattern.substring(2) : pattern;
        return fixed.split("\\.").length;
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** Lower case, one trailing dot dropped: how hosts are compared everywhere in the config. */
    public static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty hostname");
        }
        String name = normalizeHost(text);
        if (!name.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("write the hostname in its ASCII form (punycode, xn--...)");
        }
        String rest = name.startsWith("*.") ? name.substring(2) : name;
        if (rest.contains("*")) {
            throw new IllegalArgumentException("a wildcard is only allowed as the whole first label, as in *.example.com");
        }
        if (rest.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("not a hostname (empty or longer than 253 characters)");
        }
        for (String label : rest.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a hostname (each label is 1-63 letters, digits or hyphens, not starting or ending with a hyphen)");
            }
        }
        return name;
    }
}
