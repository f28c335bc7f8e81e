package dev.cfcheck.probes.origin;

/**
 * The ports tried on an origin known only by its address (the Cloudflare API's record, {@code origin=IP}):
 * where Cloudflare connects, 443 for TLS and 80 for plain HTTP. Tests play them on unprivileged loopback ports.
 *
 * @param https the TLS port, tried first
 * @param http  the plain-HTTP port
 */
public record OriginPorts(int https, int http) {

    public static final OriginPorts STANDARD = new OriginPorts(OriginProbe.HTTPS_PORT, OriginProbe.HTTP_PORT);
}
