package dev.cfcheck.bot.cli;

import dev.cfcheck.diagnosis.Severity;

/** The exit statuses of {@code cfcheck check}: a contract for scripts (see README). */
public final class ExitCodes {
    /** The verdict's severity is ok or info. */
    public static final int OK = 0;
    /** The verdict's severity is warning or critical. */
    public static final int PROBLEM = 1;
    /** Bad input or usage; one line on stderr says what. */
    public static final int BAD_INPUT = 2;
    /** cfcheck itself failed. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }

    public static int of(Severity severity) {
        return severity.isProblem() ? PROBLEM : OK;
    }
}
