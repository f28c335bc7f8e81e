package dev.cfcheck.probes.trace;

import dev.cfcheck.probes.Failure;

/**
 * What {@code /cdn-cgi/trace} said through the edge, or why it said nothing useful. The visitor address in the
 * trace (the bot's own) is deliberately not part of it.
 *
 * @param url      the URL requested
 * @param address  the edge address connected to, or {@code null} when no connection was made
 * @param status   the HTTP status, or {@code null} when no response came
 * @param trace    the parsed trace, or {@code null} when none came (see {@code failure})
 * @param coloCity "City, Country" for the trace's colo, when known
 * @param failure  {@code null} with a trace; else why not: a network kind when no response came, {@link
 *                 Failure.Kind#OTHER} when the response was not a trace (a 404, a Worker's page)
 */
public record TraceResult(String url, String address, Integer status, TraceBody trace, String coloCity,
        Failure failure) {

    /** True when a response came but it was not a trace: worth a note, not a fault of the site. */
    public boolean notATrace() {
        return status != null && trace == null;
    }
}
