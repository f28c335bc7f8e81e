package dev.cfcheck.probes.origin;

import java.util.List;

/**
 * One origin address tried directly, bypassing Cloudflare.
 *
 * @param address the origin IP
 * @param ports   TCP connects, 443 then 80 (or only the explicit port)
 * @param http    the HTTP GET (https when 443 connected and TLS worked, else http), or {@code null}
 */
public record OriginResult(String address, List<PortCheck> ports, OriginHttp http) {

    public OriginResult {
        ports = List.copyOf(ports);
    }

    /** The check of one port, or {@code null} when that port was not tried. */
    public PortCheck port(int port) {
        return ports.stream().filter(p -> p.port() == port).findFirst().orElse(null);
    }
}
