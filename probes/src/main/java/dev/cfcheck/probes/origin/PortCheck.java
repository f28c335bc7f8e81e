package dev.cfcheck.probes.origin;

/**
 * A TCP connect to one origin port.
 *
 * @param port      the port tried
 * @param state     what happened
 * @param connectMs time to connect (or to fail), ms
 * @param detail    one line of detail, or {@code null}
 */
public record PortCheck(int port, TcpState state, long connectMs, String detail) {
}
