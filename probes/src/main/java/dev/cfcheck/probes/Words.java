package dev.cfcheck.probes;

import java.time.Duration;
import java.util.Locale;

/**
 * The wording every describer shares, so one fact reads the same wherever it appears: a failure, an
 * address with its port, a duration, a certificate's expiry. Network text is made single-line and bounded.
 */
public final class Words {

    private static final int MAX_FIELD = 120;
    private static final int MAX_DETAIL = 300;

    private Words() {
    }

    /** "connection refused (detail)", "no answer by the deadline". */
    public static String failure(Failure f) {
        if (f == null) {
            return "unknown";
        }
        String what = switch (f.kind()) {
            case REFUSED -> "connection refused";
            case TIMEOUT -> "timed out";
            case UNREACHABLE -> "unreachable";
            case RESET -> "connection reset";
            case TLS -> "TLS handshake failed";
            case TLS_TIMEOUT -> "TLS handshake stalled";
            case BROKEN_REPLY -> "the reply was empty or invalid";
            case PROTOCOL -> "not valid HTTP";
            case DNS -> "name did not resolve";
            case UNSAFE_ADDRESS -> "address refused by the safe-target policy";
            case DEADLINE -> "no answer by the deadline";
            case OTHER -> "failed";
        };
        return f.message() == null || f.message().isBlank() ? what : what + " (" + clean(f.message()) + ")";
    }

    /** "203.0.113.7:443", "[2001:db8::1]:443". */
    public static String hostPort(String address, int port) {
        String a = clean(address);
        return (a != null && a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
    }

    /** "expires in 5 days", "expires today", "expired 3 days ago". */
    public static String expiry(long daysLeft) {
        if (daysLeft < 0) {
            long ago = -daysLeft;
            return "expired " + ago + (ago == 1 ? " day ago" : " days ago");
        }
        if (daysLeft == 0) {
            return "expires today";
        }
        return "expires in " + daysLeft + (daysLeft == 1 ? " day" : " days");
    }

    /** "850 ms", "2.4 s", "2 min 5 s". */
    public static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    }

    public static String duration(Duration d) {
        return duration(d.toMillis());
    }

    /** Network text as one bounded line (null stays null). */
    public static String clean(String s) {
        return OneLine.of(s, MAX_FIELD);
    }

    /** Network text as one line with more room, for Details ({@code "-"} when absent). */
    public static String detail(String s) {
        String line = OneLine.of(s, MAX_DETAIL);
        return line == null ? "-" : line;
    }
}
