package dev.cfcheck.bot.card;

import java.util.Locale;

/** Durations as people read them on a card: "85 ms", "1.2 s", "2 min 5 s". */
public final class Elapsed {

    private Elapsed() {
    }

    public static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return seconds(ms / 1000);
    }

    public static String seconds(long s) {
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + " min");
    }
}
