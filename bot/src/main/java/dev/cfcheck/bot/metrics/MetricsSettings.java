package dev.cfcheck.bot.metrics;

import dev.cfcheck.bot.card.Clip;
import dev.cfcheck.site.IpLiteral;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the scrape endpoint listens, read from the environment: {@value #PORT_VARIABLE} turns it on,
 * {@value #BIND_VARIABLE} picks the interface, loopback by default. Metrics tell how the bot is doing and
 * what kind of trouble people ask it about; serving them to a network is a decision someone makes
 * ({@code 0.0.0.0} in a container), never a default.
 *
 * @param bind the address to listen on
 * @param port the TCP port, 1-65535
 */
public record MetricsSettings(InetAddress bind, int port) {

    public static final String PORT_VARIABLE = "CFCHECK_METRICS_PORT";
    public static final String BIND_VARIABLE = "CFCHECK_METRICS_BIND";
    public static final String DEFAULT_BIND = "127.0.0.1";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    public MetricsSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number from 1 to 65535, not " + port);
        }
    }

    /**
     * The settings, or empty when {@value #PORT_VARIABLE} is unset (metrics off: nothing listens).
     *
     * @param env the variable's value, or {@code null} when unset or blank
     * @throws IllegalArgumentException one line naming the variable and what is wrong with it
     */
    public static Optional<MetricsSettings> fromEnvironment(Function<String, String> env) {
        String port = env.apply(PORT_VARIABLE);
        String bind = env.apply(BIND_VARIABLE);
        if (port == null || port.isBlank()) {
            if (bind != null && !bind.isBlank()) {
                // Someone meant to serve metrics; saying nothing would leave them wondering why nothing listens.
                throw new IllegalArgumentException(BIND_VARIABLE + " is set but " + PORT_VARIABLE
                        + " is not: set the port to serve metrics");
            }
            return Optional.empty();
        }
        return Optional.of(new MetricsSettings(bindAddress(bind), port(port)));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(bind, port);
    }

    /**
     * Where a process on this host (such as {@code cfcheck health} in the bot's container) reaches the port: the
     * bind address, or loopback of the same family when the port listens on every interface.
     */
    public InetSocketAddress localAddress() {
        if (!bind.isAnyLocalAddress()) {
            return address();
        }
        InetAddress loopback = bind instanceof Inet6Address
                ? IpLiteral.parseIpv6("::1").orElseThrow()
                : IpLiteral.parseDottedQuad("127.0.0.1").orElseThrow();
        return new InetSocketAddress(loopback, port);
    }

    private static int port(String text) {
        String p = text.strip();
        int port = DIGITS.matcher(p).matches() ? Integer.parseInt(p) : 0;
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number from 1 to 65535, not '"
                    + Clip.line(text, 40) + "'");
        }
        return port;
    }

    /** An IP literal only: a host name would mean a DNS lookup at start, and a name can point anywhere. */
    private static InetAddress bindAddress(String text) {
        if (text == null || text.isBlank()) {
            return IpLiteral.parseDottedQuad(DEFAULT_BIND).orElseThrow();
        }
        String b = text.strip();
        String unbracketed = b.startsWith("[") && b.endsWith("]") ? b.substring(1, b.length() - 1) : b;
        return IpLiteral.parseDottedQuad(b)
                .or(() -> IpLiteral.parseIpv6(unbracketed))
                .orElseThrow(() -> new IllegalArgumentException(BIND_VARIABLE
                        + " must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0, not '" + Clip.line(text, 60) + "'"));
    }
}
