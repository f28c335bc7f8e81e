package dev.cfcheck.bot.card;

import dev.cfcheck.check.CheckReport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides origin addresses on the public card. A site behind Cloudflare usually keeps its origin IP
 * private (that is half the point of the proxy), so a card posted in a channel says {@code $ORIGIN_IP}
 * instead, and the commands keep working once the reader sets that variable. The ephemeral Details view
 * is not redacted.
 */
public final class Redaction {

    /** Shows everything: {@code showOriginAddress: true}. */
    public static final Redaction NONE = new Redaction(Map.of());

    private final Map<Pattern, String> replacements;

    private Redaction(Map<Pattern, String> replacements) {
        this.replacements = replacements;
    }

    /**
     * Hides the given addresses: the first becomes {@code $ORIGIN_IP}, the next {@code $ORIGIN_IP_2}
     * and so on. Both the full and the compressed spelling of an IPv6 address are hidden.
     */
    public static Redaction hiding(Collection<String> addresses) {
        Map<Pattern, String> map = new LinkedHashMap<>();
        int n = 0;
        for (String address : new LinkedHashSet<>(addresses)) {
            if (address == null || address.isBlank()) {
                continue;
            }
            n++;
            String placeholder = n == 1 ? "$ORIGIN_IP" : "$ORIGIN_IP_" + n;
            for (String spelling : spellings(address.trim())) {
                map.putIfAbsent(boundedLiteral(spelling), placeholder);
            }
        }
        return map.isEmpty() ? NONE : new Redaction(Map.copyOf(map));
    }

    /** The redaction for a report: its origin addresses hidden unless {@code showOriginAddress}. */
    public static Redaction forReport(CheckReport report, Collection<String> requestedOrigins, boolean showOriginAddress) {
        if (showOriginAddress) {
            return NONE;
        }
        return hiding(originAddresses(report, requestedOrigins));
    }

    /** Every origin address named in the report (as each probe's describer says) or in the request. */
    public static List<String> originAddresses(CheckReport report, Collection<String> requestedOrigins) {
        List<String> out = new ArrayList<>(requestedOrigins);
        if (report.probes() != null) {
            out.addAll(report.probes().privateAddresses());
        }
        return out;
    }

    public String apply(String text) {
        if (text == null || replacements.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<Pattern, String> e : replacements.entrySet()) {
            out = e.getKey().matcher(out).replaceAll(Matcher.quoteReplacement(e.getValue()));
        }
        return out;
    }

    // An address inside a longer one must not match: 1.2.3.4 is not hidden inside 11.2.3.45, nor ::1
    // inside fe80::1. A colon may precede an IPv4 address (curl --resolve host:443:IP) and follow it (IP:443);
    // a bare IPv6 address never takes a port, so a colon next to it means a longer address.
    private static Pattern boundedLiteral(String address) {
        String quoted = Pattern.quote(address);
        if (address.indexOf(':') >= 0) {
            return Pattern.compile("(?<![0-9A-Za-z.:])" + quoted + "(?![0-9A-Za-z:]|\\.[0-9])");
        }
        return Pattern.compile("(?<![0-9A-Za-z.])" + quoted + "(?![0-9A-Za-z]|\\.[0-9])");
    }

    private static Set<String> spellings(String address) {
        Set<String> out = new LinkedHashSet<>();
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        out.add(bare);
        if (bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+")) {
            try {
                InetAddress parsed = InetAddress.getByName(bare); // an IP literal: no lookup happens
                String full = parsed.getHostAddress();
                out.add(full);
                out.add(compressed(full));
            } catch (UnknownHostException e) {
                // Not an IPv6 literal after all: the spelling given is all we can hide.
            }
        }
        return out;
    }

    /** RFC 5952 form of a full IPv6 spelling such as 2001:db8:0:0:0:0:0:1 -> 2001:db8::1. */
    static String compressed(String full) {
        String[] groups = full.split(":", -1);
        if (groups.length != 8) {
            return full;
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < 8 && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", List.of(groups).subList(0, bestStart));
        String tail = String.join(":", List.of(groups).subList(bestStart + bestLen, 8));
        return head + "::" + tail;
    }
}
