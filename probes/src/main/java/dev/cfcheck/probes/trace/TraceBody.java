package dev.cfcheck.probes.trace;

import dev.cfcheck.probes.Words;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code /cdn-cgi/trace}: {@code key=value} lines ({@code fl}, {@code h}, {@code ip}, {@code colo},
 * {@code http}, {@code tls}, {@code warp}...). Only the keys cfcheck reports are kept; {@code ip} (the bot's own
 * address) and {@code uag} (our own User-Agent) are never read into it.
 *
 * @param colo    IATA code of the data centre that answered
 * @param http    the HTTP version the edge saw ("http/2")
 * @param tls     the TLS version the edge saw ("TLSv1.3"), {@code null} over plain http
 * @param warp    "off", "on" or "plus"
 * @param gateway "off" or "on"
 * @param loc     the country the edge placed the bot in
 * @param sni     "plaintext" or "encrypted" (ECH)
 * @param kex     the TLS key exchange ("X25519MLKEM768")
 */
public record TraceBody(String colo, String http, String tls, String warp, String gateway, String loc, String sni,
        String kex) {

    /** A real trace is a few hundred bytes; anything with more lines is not one, and is not read further. */
    private static final int MAX_LINES = 64;

    private static final Pattern IATA = Pattern.compile("[A-Z]{3}");

    /** The keys read; {@code fl} only marks a trace (its value, a server id, says nothing to a user). */
    private static final Set<String> KEPT = Set.of("fl", "colo", "http", "tls", "warp", "gateway", "loc", "sni", "kex");

    /**
     * The trace in {@code text}, or empty when it is not one: a trace always names its front line ({@code fl})
     * and its data centre ({@code colo}, an IATA code), an HTML page or a Worker's answer does not.
     */
    public static Optional<TraceBody> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        String[] lines = text.split("\r?\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = lines[i].substring(0, eq).trim();
            if (KEPT.contains(key)) {
                values.putIfAbsent(key, Words.clean(lines[i].substring(eq + 1)));
            }
        }
        if (values.get("fl") == null || values.get("colo") == null || !IATA.matcher(values.get("colo")).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TraceBody(values.get("colo"), values.get("http"), values.get("tls"),
                values.get("warp"), values.get("gateway"), values.get("loc"), values.get("sni"), values.get("kex")));
    }
}
