package dev.cfcheck.bot.render.terminal;

import dev.cfcheck.diagnosis.Severity;

/** ANSI styling that turns itself off when the output is not a terminal (or NO_COLOR is set). */
final class Ansi {
    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    String severity(Severity severity, String s) {
        return switch (severity) {
            case OK -> wrap("32", s);
            case INFO -> wrap("36", s);
            case WARNING -> wrap("33", s);
            case CRITICAL -> wrap("1;31", s);
        };
    }

    private String wrap(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
