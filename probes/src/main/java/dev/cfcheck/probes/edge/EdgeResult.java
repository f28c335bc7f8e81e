package dev.cfcheck.probes.edge;

/**
 * The target requested through the addresses DNS gave (the Cloudflare edge when the record is proxied).
 *
 * @param https the https exchange, or {@code null} when not probed (explicit http URL with a port)
 * @param http  the http exchange, or {@code null} when not probed
 */
public record EdgeResult(HttpExchange https, HttpExchange http) {

    /** The exchange the verdict is read from: https when it got an answer, else http when that did. */
    public HttpExchange primary() {
        if (https != null && (https.answered() || http == null || !http.answered())) {
            return https;
        }
        return http != null ? http : https;
    }
}
