package dev.cfcheck.probes.edge;

import dev.cfcheck.site.Target;

/**
 * The target requested through the addresses DNS gave (the Cloudflare edge when the record is proxied).
 *
 * @param https the https exchange, or {@code null} when not probed (explicit http URL with a port)
 * @param http  the http exchange, or {@code null} when not probed
 */
public record EdgeResult(HttpExchange https, HttpExchange http) {

    /**
     * The exchange of the URL asked for: https unless the user typed {@code http://} (the other one when that
     * was not probed). An http answer never speaks for an https site: "Always Use HTTPS" answers it at once
     * with a 301 while the https side may be down.
     */
    public HttpExchange asked(Target target) {
        boolean askedHttp = "http".equals(target.scheme());
        HttpExchange asked = askedHttp ? http : https;
        return asked != null ? asked : askedHttp ? https : http;
    }

    /** The exchange not asked for, or {@code null}. */
    public HttpExchange other(Target target) {
        HttpExchange asked = asked(target);
        return asked == https ? http : https;
    }
}
