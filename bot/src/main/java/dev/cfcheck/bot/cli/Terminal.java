package dev.cfcheck.bot.cli;

/** Whether stdout is a terminal that wants colour (no-color.org: NO_COLOR set = no colour). */
final class Terminal {

    private Terminal() {
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        return System.console() != null
                && (noColor == null || noColor.isEmpty())
                && term != null && !"dumb".equals(term);
    }
}
