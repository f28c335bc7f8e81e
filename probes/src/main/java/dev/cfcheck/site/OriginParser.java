package dev.cfcheck.site;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses an origin given as {@code IP}, {@code IP:PORT}, {@code IPv6} or {@code [IPv6]:PORT} (the
 * {@code --origin} option, chat's {@code origin=} and the per-domain config). Origins are IP addresses only: a
 * name would be resolved again, and the point of probing the origin is to bypass DNS and Cloudflare.
 */
public final class OriginParser {

    private static final int MAX_INPUT_CHARS = 100;
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private OriginParser() {
    }

    /**
     * An origin someone named (chat's {@code origin=}, the CLI's {@code --origin}): as {@link #parse(String)}, and
     * unless private targets are allowed its port must be one Cloudflare proxies and its address one the
     * safe-target policy allows, so that a refusal is one line at once rather than a failed check. The config
     * file's origins are the operator's own and take any port ({@link #parse(String)}).
     *
     * @throws BadInputException with a one-line message naming the port or the address refused
     */
    public static OriginEndpoint parse(String input, boolean allowPrivate) {
        OriginEndpoint endpoint = parse(input);
        AddressPolicy policy = SafeAddressPolicy.forChecks(allowPrivate);
        try {
            if (endpoint.port() != null) {
                policy.requirePortAllowed(endpoint.port());
            }
            policy.requireAllowed(endpoint.address());
        } catch (UnsafeAddressException e) {
            throw new BadInputException("origin " + endpoint + ": " + e.getMessage());
        }
        return endpoint;
    }

    /**
     * An origin as written, any port: for the config file's origins and addresses such as the resolver's.
     *
     * @throws BadInputException with a one-line message when the text is not an IP with an optional port
     */
    public static OriginEndpoint parse(String input) {
        if (input == null || input.isBlank()) {
            throw new BadInputException("empty origin: give an IP address, optionally with :PORT");
        }
        String text = input.strip();
        if (text.length() > MAX_INPUT_CHARS) {
            throw new BadInputException("origin is too long: " + text.length() + " characters");
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new BadInputException("missing \"]\" in origin " + Excerpt.quoted(text));
            }
            InetAddress address = ipv6(text.substring(1, close), text);
            String tail = text.substring(close + 1);
            if (tail.isEmpty()) {
                return new OriginEndpoint(address, null);
            }
            if (!tail.startsWith(":")) {
                throw new BadInputException("unexpected text after the IPv6 address in origin " + Excerpt.quoted(text));
            }
            return new OriginEndpoint(address, port(tail.substring(1)));
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
            return new OriginEndpoint(ipv6(text, text), null);
        }
        String ipText = colon < 0 ? text : text.substring(0, colon);
        InetAddress address = IpLiteral.parseDottedQuad(ipText).orElseThrow(() -> notAnIp(ipText));
        return new OriginEndpoint(address, colon < 0 ? null : port(text.substring(colon + 1)));
    }

    private static InetAddress ipv6(String ipText, String whole) {
        return IpLiteral.parseIpv6(ipText)
                .orElseThrow(() -> new BadInputException("invalid IPv6 address in origin " + Excerpt.quoted(whole)));
    }

    private static BadInputException notAnIp(String ipText) {
        boolean name = ipText.chars().anyMatch(Character::isLetter);
        return new BadInputException(name
                ? "origin must be an IP address, not a name: " + Excerpt.quoted(ipText)
                : "invalid IPv4 address in origin " + Excerpt.quoted(ipText)
                        + " (four numbers 0-255 without leading zeros)");
    }

    private static int port(String text) {
        if (!PORT.matcher(text).matches()) {
            throw new BadInputException("invalid origin port " + Excerpt.quoted(text) + ": must be a number 1-65535");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new BadInputException(String.format(Locale.ROOT, "origin port %d is out of range 1-65535", port));
        }
        return port;
    }
}
