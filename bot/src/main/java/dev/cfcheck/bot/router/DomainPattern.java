package dev.cfcheck.bot.router;

import java.net.IDN;
import java.util.Locale;

/**
 * One entry of the allowed-domains list: {@code example.com} matches that name only;
 * {@code *.example.com} matches every name below it (any depth) but not {@code example.com} itself.
 * List both to allow both. Names are compared in ASCII (punycode), case-insensitively.
 */
public record DomainPattern(String suffix, boolean wildcard) {

    public static DomainPattern parse(String pattern) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        boolean wildcard = p.startsWith("*.");
        String name = wildcard ? p.substring(2) : p;
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("*")) {
            throw new IllegalArgumentException("bad domain pattern '" + pattern + "' (expected example.com or *.example.com)");
        }
        try {
            name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad domain pattern '" + pattern + "': " + e.getMessage(), e);
        }
        return new DomainPattern(name, wildcard);
    }

    /** @param host an ASCII host name, as in {@code Target.host()} */
    public boolean matches(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return wildcard ? h.endsWith("." + suffix) : h.equals(suffix);
    }

    @Override
    public String toString() {
        return wildcard ? "*." + suffix : suffix;
    }
}
