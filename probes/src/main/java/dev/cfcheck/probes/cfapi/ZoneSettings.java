package dev.cfcheck.probes.cfapi;

import dev.cfcheck.diagnosis.SslMode;

/**
 * The zone settings that decide how Cloudflare talks to visitors and to the origin, as the API gives them;
 * each is {@code null} when it could not be read (a token without Zone Settings:Read, a call that failed).
 *
 * @param ssl                      the SSL/TLS encryption mode: off, flexible, full or strict (Full (strict))
 * @param alwaysUseHttps           "on" or "off": Cloudflare redirects http visitors to https itself
 * @param minTlsVersion            "1.0" to "1.3": the oldest TLS a <em>visitor</em> may use (not the origin)
 * @param tls13                    "on", "off" or "zrt" (on with 0-RTT)
 * @param authenticatedOriginPulls "on" or "off" ({@code tls_client_auth}): Cloudflare presents its client
 *                                 certificate to the origin
 */
public record ZoneSettings(SslMode ssl, String alwaysUseHttps, String minTlsVersion, String tls13,
        String authenticatedOriginPulls) {

    public static final ZoneSettings UNREAD = new ZoneSettings(null, null, null, null, null);

    /** True when nothing was read. */
    public boolean unread() {
        return equals(UNREAD);
    }
}
