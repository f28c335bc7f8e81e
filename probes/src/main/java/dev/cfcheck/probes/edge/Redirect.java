package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.NetworkText;

/**
 * One redirect hop followed by hand. The URLs are kept clipped ({@link NetworkText#url}): a {@code Location} is
 * the peer's text and may be hundreds of KiB long, and every hop is kept in the report, the cache and the
 * recent-checks store.
 */
public record Redirect(int status, String from, String location) {

    public Redirect {
        from = NetworkText.url(from);
        location = NetworkText.url(location);
    }
}
