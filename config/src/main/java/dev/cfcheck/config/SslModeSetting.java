package dev.cfcheck.config;

import java.util.Locale;

/**
 * The Cloudflare SSL/TLS mode a domain's owner says the zone uses, as written in the config
 * ({@code off | flexible | full | strict}). The constants carry the same names as the diagnosis' own enum so
 * the caller maps them with {@code valueOf(name())}.
 */
public enum SslModeSetting {
    OFF,
    FLEXIBLE,
    FULL,
    STRICT;

    /** The spelling used in the file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SslModeSetting parse(String text) {
        for (SslModeSetting mode : values()) {
            if (mode.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown SSL mode " + BadValue.shown(text) + " (expected off, flexible, full or strict)");
    }
}
