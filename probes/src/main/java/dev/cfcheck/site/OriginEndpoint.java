package dev.cfcheck.site;

import java.net.InetAddress;

/**
 * An origin server address to probe directly, bypassing Cloudflare.
 *
 * @param address an IP address (never a name: origins are given as IPs so nothing is re-resolved)
 * @param port    the only port to probe, or {@code null} for both 443 and 80
 */
public record OriginEndpoint(InetAddress address, Integer port) {

    /** The address as text, without a leading slash or host name; IPv6 in its short form (RFC 5952), as DNS shows it. */
    public String ip() {
        return IpLiteral.format(address);
    }

    @Override
    public String toString() {
        String ip = ip();
        String h = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
        return port == null ? h : h + ":" + port;
    }
}
