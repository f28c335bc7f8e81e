package dev.cfcheck.site;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the user asked to check, after validation.
 *
 * @param input       the text the user typed, for display only (never trusted for connecting)
 * @param host        ASCII host: lower case, punycode (UTS-46), no trailing dot; or an IP literal
 * @param unicodeHost the host as a human reads it (same as {@code host} unless it is an IDN)
 * @param scheme      "https" or "http" when the user gave a URL, {@code null} for a bare hostname
 * @param port        the explicit port from the URL, or {@code null}: then 443 (https) and 80 (http) are probed
 * @param path        path and query, starting with "/"
 */
public record Target(String input, String host, String unicodeHost, String scheme, Integer port, String path) {

    /**
     * The target a report describes, rebuilt from its {@code domain} and {@code target} fields for wording it
     * again (a card, Details): the host and the scheme asked for are all the words need.
     */
    public static Target ofReport(String domain, String url) {
        String scheme = url != null && url.regionMatches(true, 0, "http://", 0, 7) ? "http" : "https";
        return new Target(url == null ? domain : url, domain, domain, scheme, null, "/");
    }

    /** True when the user named a port: that port is the only one probed on that side. */
    @JsonIgnore
    public boolean hasExplicitPort() {
        return port != null;
    }

    /** "host" or "host:port", as it appears in a URL authority (IPv6 in brackets). */
    @JsonIgnore
    public String authority() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }

    /** A URL for display and JSON: the scheme the user gave, https by default. */
    @JsonIgnore
    public String displayUrl() {
        return (scheme == null ? "https" : scheme) + "://" + authority() + path;
    }
}
