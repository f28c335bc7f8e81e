package dev.cfcheck.bot.router;

import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Small stand-ins for the core's TargetParser and OriginParser (tested on their own in the probes
 * module): enough validation for the router's tests, never a DNS lookup.
 */
public final class TestInputs {

    private TestInputs() {
    }

    public static final TargetValidator TARGETS = input -> {
        String s = input.strip();
        if (s.isEmpty() || s.length() > 253 + 20) {
            throw new BadInputException("not a domain or URL");
        }
        try {
            URI uri = URI.create(s.contains("://") ? s : "https://" + s);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new BadInputException("only http and https URLs can be checked");
            }
            String host = uri.getHost();
            if (host == null || !host.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
                throw new BadInputException("not a domain name: '" + CommandParser.shown(s) + "'");
            }
            host = host.toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new Target(input, host, host, s.contains("://") ? uri.getScheme() : null, uri.getPort() < 0 ? null : uri.getPort(), path);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("not a domain or URL: '" + CommandParser.shown(s) + "'");
        }
    };

    public static final OriginReader ORIGINS = text -> {
        String s = text.strip();
        Integer port = null;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            port = Integer.parseInt(s.substring(colon + 1));
            s = s.substring(0, colon);
        }
        if (!s.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new BadInputException("origin must be an IP address, not '" + CommandParser.shown(text) + "'");
        }
        try {
            return new OriginEndpoint(InetAddress.getByName(s), port);
        } catch (UnknownHostException e) {
            throw new BadInputException("origin must be an IP address, not '" + CommandParser.shown(text) + "'");
        }
    };
}
