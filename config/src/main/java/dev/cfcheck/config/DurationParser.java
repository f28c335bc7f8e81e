package dev.cfcheck.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of the config file: a number with a unit ({@code 1500ms}, {@code 10s}, {@code 2m},
 * {@code 1h}; decimals allowed, {@code 1.5s}) or a bare number of seconds ({@code 10}, {@code 0.5}).
 * Negative values and anything over a year are refused: no setting here means either.
 */
public final class DurationParser {

    static final Duration MAX = Duration.ofDays(365);

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private DurationParser() {
    }

    /**
     * @throws IllegalArgumentException with a one-line message (that does not repeat the input) when the text
     *                                  is not a duration
     */
    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        Matcher m = DURATION.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (write e.g. 10s, 1500ms, 2m, 1h or a number of seconds)");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        });
        return ofNanos(new BigDecimal(m.group(1)).multiply(nanosPerUnit));
    }

    /** A bare number of seconds, as YAML gives {@code timeout: 10} or {@code timeout: 1.5}. */
    public static Duration ofSeconds(BigDecimal seconds) {
        if (seconds.signum() < 0) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        return ofNanos(seconds.multiply(BigDecimal.valueOf(1_000_000_000L)));
    }

    private static Duration ofNanos(BigDecimal nanos) {
        // Compare before converting: a 30-digit number must not overflow into something small.
        if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
            throw new IllegalArgumentException("a duration cannot be longer than 365 days");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
