package dev.cfcheck.diagnosis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Cloudflare's SSL/TLS encryption mode for a zone, as the owner says it is set. */
public enum SslMode {
    OFF,
    FLEXIBLE,
    FULL,
    STRICT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As Cloudflare's dashboard names it: "Off", "Flexible", "Full", "Full (strict)". */
    public String label() {
        return switch (this) {
            case OFF -> "Off";
            case FLEXIBLE -> "Flexible";
            case FULL -> "Full";
            case STRICT -> "Full (strict)";
        };
    }

    /** Accepts "off", "flexible", "full", "strict", "full_strict", "full (strict)". */
    public static SslMode parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (k) {
            case "off" -> OFF;
            case "flexible" -> FLEXIBLE;
            case "full" -> FULL;
            case "strict", "fullstrict" -> STRICT;
            default -> throw new IllegalArgumentException("unknown SSL mode '" + s + "' (expected off, flexible, full or strict)");
        };
    }
}
