package dev.cfcheck.site;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Turns what a user typed ({@code example.com}, {@code https://Bücher.example:443/shop?q=1}) into a
 * {@link Target}, or refuses it with a {@link BadInputException} whose one-line message names the problem.
 *
 * <p>IDN: host names are mapped with UTS-46 (non-transitional, so {@code faß.de} is
 * {@code xn--fa-hia.de}, as browsers do) by OkHttp's {@link HttpUrl}, which implements UTS-46 itself. We
 * use it rather than {@link java.net.IDN#toASCII}, which is IDNA2003 only (it maps ß to "ss" and would
 * check a different domain than a browser visits), and rather than writing our own mapping tables. The
 * connection is made by OkHttp too, so the name we check is the name it would send. The name is shown back
 * to people decoded by {@link Punycode} ({@code IDN.toUnicode} would refuse {@code xn--fa-hia} because
 * IDNA2003 cannot round-trip ß).
 *
 * <p>Everything a URL parser might read two ways is refused rather than guessed: credentials, backslashes,
 * whitespace and control or invisible characters, percent signs in the host, and IP addresses in any
 * spelling (decimal 2130706433, hex 0x7f.1, octal 0177.0.0.1, full-width digits) unless private targets
 * are allowed, in which case they become the plain dotted or RFC 5952 form.
 */
public final class TargetParser {

    static final int MAX_INPUT_CHARS = 2048;
    private static final int MAX_NAME_OCTETS = 253;
    private static final int MAX_LABEL_OCTETS = 63;

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern BARE_IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PORT_THEN_PATH = Pattern.compile("[0-9]*(?:[/?#].*)?", Pattern.DOTALL);
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?");
    /** ASCII that has no place in a URL we would request (RFC 3986 excludes them; chat markup uses them). */
    private static final String UNSAFE_ASCII = "<>\"`{}|\\^";
    private static final String HOST_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";

    private TargetParser() {
    }

    /**
     * @param input        a hostname or an http(s) URL, as typed
     * @param allowPrivate when true, IP literals and ports other than 80/443 are accepted
     *                     (the addresses themselves are checked later, after resolution)
     * @throws BadInputException when the input cannot be checked; the message is one line
     */
    public static Target parse(String input, boolean allowPrivate) {
        if (input == null || input.isBlank()) {
            throw new BadInputException("empty target: give a hostname or an http(s) URL");
        }
        String text = input.strip();
        if (text.length() > MAX_INPUT_CHARS) {
            throw new BadInputException("target is too long: " + text.length() + " characters (at most "
                    + MAX_INPUT_CHARS + ")");
        }
        requireSafeCharacters(text);

        if (BARE_IPV6.matcher(text).matches()) {
            InetAddress address = IpLiteral.parseIpv6(text)
                    .orElseThrow(() -> new BadInputException(Excerpt.quoted(text) + " is not a valid IPv6 address"));
            return ipTarget(text, text, address, null, null, "/", allowPrivate);
        }

        String scheme = null;
        String rest = text;
        Matcher m = SCHEME.matcher(text);
        if (m.lookingAt()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String after = text.substring(m.end());
            boolean web = name.equals("http") || name.equals("https");
            if (after.startsWith("//")) {
                if (!web) {
                    throw unsupportedScheme(name);
                }
                scheme = name;
                rest = after.substring(2);
            } else if (!PORT_THEN_PATH.matcher(after).matches()) {
                // "example.com:443/x" is a host and port; "mailto:x", "javascript:x", "http:x" are not.
                if (web) {
                    throw new BadInputException("malformed URL: \"" + name + ":\" must be followed by \"//\"");
                }
                if (name.indexOf('.') >= 0) {
                    throw new BadInputException("invalid port after " + Excerpt.quoted(name) + ": must be a number 1-65535");
                }
                throw unsupportedScheme(name);
            }
        }

        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String pathPart = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        if (authority.indexOf('@') >= 0) {
            throw new BadInputException("credentials in the URL are not allowed: remove the \"user:password@\" part");
        }
        if (authority.isEmpty()) {
            throw new BadInputException("no hostname in " + Excerpt.quoted(text));
        }

        String hostText;
        String portText = null;
        boolean bracketed = authority.startsWith("[");
        if (bracketed) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new BadInputException("missing \"]\" after the IPv6 address");
            }
            hostText = authority.substring(1, close);
            String tail = authority.substring(close + 1);
            if (!tail.isEmpty()) {
                if (!tail.startsWith(":")) {
                    throw new BadInputException("unexpected text after the IPv6 address: " + Excerpt.quoted(tail));
                }
                portText = tail.substring(1);
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw new BadInputException("an IPv6 address in a URL must be in brackets, e.g. https://[2001:db8::1]/");
            }
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        Integer port = parsePort(portText, allowPrivate);
        String path = pathAndQuery(pathPart);

        if (bracketed) {
            InetAddress address = IpLiteral.parseIpv6(hostText)
                    .orElseThrow(() -> new BadInputException(Excerpt.quoted(hostText) + " is not a valid IPv6 address"));
            return ipTarget(text, hostText, address, scheme, port, path, allowPrivate);
        }
        String ascii = toAscii(hostText);
        if (IpLiteral.looksLikeIpv4(ascii)) {
            InetAddress address = IpLiteral.parseIpv4AnySpelling(ascii)
                    .orElseThrow(() -> new BadInputException(Excerpt.quoted(hostText)
                            + " is neither a hostname nor a valid IPv4 address"));
            return ipTarget(text, hostText, address, scheme, port, path, allowPrivate);
        }
        requireValidLabels(ascii);
        requireValidALabels(hostText.toLowerCase(Locale.ROOT)); // as typed: the mapping rewrites "xn--abc-" to "abc"
        requireValidALabels(ascii);
        String unicode = Punycode.toUnicode(ascii);
        return new Target(text, ascii, unicode, scheme, port, path);
    }

    /**
     * Refuses, anywhere in the input: controls, whitespace (including no-break and ideographic spaces),
     * invisible format characters (zero-width joiners, bidi overrides: they make a name look like another),
     * lone surrogates, and {@link #UNSAFE_ASCII}.
     */
    private static void requireSafeCharacters(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (invisibleOrControl(cp) || (cp < 128 && UNSAFE_ASCII.indexOf(cp) >= 0)) {
                throw new BadInputException(String.format(Locale.ROOT, "invalid character U+%04X in the target", cp));
            }
        }
    }

    /** Controls, whitespace, format characters (bidi, zero-width), lone surrogates, private-use and unassigned ones. */
    private static boolean invisibleOrControl(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    private static Integer parsePort(String portText, boolean allowPrivate) {
        if (portText == null) {
            return null;
        }
        if (portText.isEmpty()) {
            throw new BadInputException("empty port after \":\"");
        }
        if (!PORT.matcher(portText).matches()) {
            throw new BadInputException("invalid port " + Excerpt.quoted(portText) + ": must be a number 1-65535");
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            throw new BadInputException("port " + port + " is out of range 1-65535");
        }
        // A site behind Cloudflare can only be served on the ports Cloudflare proxies (8443, 2053...): those are
        // real targets; any other port is a probe of something else (a scanner), so it needs --allow-private.
        if (!allowPrivate && !SafeAddressPolicy.PROXIED_PORTS.contains(port)) {
            throw new BadInputException("port " + port + " is not allowed: not one Cloudflare proxies ("
                    + SafeAddressPolicy.PROXIED_LIST + "); other ports need --allow-private");
        }
        return port;
    }

    /** Path and query, canonicalised the way OkHttp will send them; the fragment is dropped. */
    private static String pathAndQuery(String raw) {
        int hash = raw.indexOf('#');
        String p = hash < 0 ? raw : raw.substring(0, hash);
        if (p.isEmpty()) {
            return "/";
        }
        if (p.startsWith("?")) {
            p = "/" + p;
        }
        HttpUrl url = HttpUrl.parse("http://path.invalid" + p);
        if (url == null) {
            throw new BadInputException("invalid path " + Excerpt.quoted(p));
        }
        String query = url.encodedQuery();
        return url.encodedPath() + (query == null ? "" : "?" + query);
    }

    /** UTS-46 mapping to lower-case ASCII (punycode), without the trailing dot of a fully qualified name. */
    private static String toAscii(String host) {
        if (host.isEmpty()) {
            throw new BadInputException("no hostname in the target");
        }
        boolean allAscii = true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 128) {
                allAscii = false;
            } else if (HOST_ASCII.indexOf(c) < 0) {
                throw new BadInputException(String.format(Locale.ROOT, "invalid character U+%04X in the hostname", (int) c));
            }
        }
        if (allAscii) {
            // Checked before mapping so that the message says which limit was broken.
            requireDnsLengths(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        }
        HttpUrl url = HttpUrl.parse("http://" + host + "/");
        if (url == null) {
            throw new BadInputException(Excerpt.quoted(host) + " is not a valid hostname (IDNA/UTS-46)");
        }
        String ascii = url.host().toLowerCase(Locale.ROOT);
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty()) {
            throw new BadInputException("no hostname in the target");
        }
        return ascii;
    }

    private static void requireDnsLengths(String name) {
        if (name.isEmpty()) {
            throw new BadInputException("no hostname in the target");
        }
        if (name.length() > MAX_NAME_OCTETS) {
            throw new BadInputException("hostname is " + name.length() + " octets long (DNS allows at most "
                    + MAX_NAME_OCTETS + ")");
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new BadInputException("hostname has an empty label (\"..\" or a leading dot)");
            }
            if (label.length() > MAX_LABEL_OCTETS) {
                throw new BadInputException("hostname has a label of " + label.length()
                        + " octets (DNS allows at most " + MAX_LABEL_OCTETS + ")");
            }
        }
    }

    /** Letters, digits, hyphens (not at either end of a label) and underscores, within the DNS limits. */
    private static void requireValidLabels(String ascii) {
        requireDnsLengths(ascii);
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new BadInputException("invalid hostname label " + Excerpt.quoted(label)
                        + ": letters, digits and inner hyphens only");
            }
        }
    }

    /**
     * Every punycode ("xn--") label must decode to a valid UTS-46 label: one that maps to itself (nothing
     * disallowed, nothing the mapping would change or drop, not plain ASCII in disguise) and holds no control,
     * whitespace or invisible character. OkHttp's mapping decodes and re-encodes such labels without judging
     * what they decode to, so a typed {@code xn--} label could otherwise show a bidi override on a card.
     */
    private static void requireValidALabels(String host) {
        for (String label : host.split("\\.", -1)) {
            if (!label.startsWith("xn--")) {
                continue;
            }
            String decoded = Punycode.decode(label.substring(4));
            if (decoded == null || decoded.isEmpty()) {
                throw new BadInputException("invalid hostname label " + Excerpt.quoted(label) + ": not valid punycode");
            }
            for (int i = 0; i < decoded.length(); ) {
                int cp = decoded.codePointAt(i);
                i += Character.charCount(cp);
                if (invisibleOrControl(cp)) {
                    throw new BadInputException(String.format(Locale.ROOT,
                            "invalid hostname label %s: it decodes to the invisible or control character U+%04X",
                            Excerpt.quoted(label), cp));
                }
            }
            HttpUrl remapped = HttpUrl.parse("http://" + decoded + "/");
            if (remapped == null || !remapped.host().equals(label)) {
                throw new BadInputException("invalid hostname label " + Excerpt.quoted(label)
                        + ": it does not decode to a valid international name (IDNA/UTS-46)");
            }
        }
    }

    private static Target ipTarget(String input, String spelled, InetAddress address, String scheme, Integer port,
                                   String path, boolean allowPrivate) {
        String ip = IpLiteral.format(address);
        if (!allowPrivate) {
            throw new BadInputException(Excerpt.quoted(spelled) + " is an IP address (" + ip
                    + "): give the site's hostname (an IP needs --allow-private or allowPrivate: true in the config)");
        }
        return new Target(input, ip, ip, scheme, port, path);
    }

    private static BadInputException unsupportedScheme(String name) {
        return new BadInputException("unsupported scheme " + Excerpt.quoted(name)
                + ": only http:// and https:// URLs can be checked");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
