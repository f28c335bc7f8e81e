package dev.cfcheck.probes.edge;

/** One redirect hop followed by hand. */
public record Redirect(int status, String from, String location) {
}
