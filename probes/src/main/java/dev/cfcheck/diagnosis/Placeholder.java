package dev.cfcheck.diagnosis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names a knowledge-base template may use as {@code {name}}. A name outside this list fails the load
 * of the knowledge base, so a typo cannot reach a card.
 */
public enum Placeholder {
    /** The target host (ASCII). */
    HOST,
    /** The target path and query, starting with "/". */
    PATH,
    /** The target URL (scheme, authority, path). */
    URL,
    /** The port of the target URL: the explicit one, else 443 (80 for an http URL). */
    PORT,
    /** The origin IP; {@code $ORIGIN_IP} when unknown. */
    IP,
    /** The origin's TLS port as probed: the explicit one given with the origin, else {@link #PORT}. */
    ORIGIN_PORT,
    /** The first address DNS gave for the host (the edge when proxied). */
    EDGE_IP,
    /** The resolver's IP and port. */
    RESOLVER,
    RESOLVER_PORT,
    /** The DNS zone of the host (the host itself when the zone cut was not found). */
    ZONE,
    /** The verdict's code ("522", "1020", "NXDOMAIN", "200"). */
    CODE,
    /** The short name of the code from the knowledge base ("Connection timed out"). */
    CODE_NAME,
    /** What the code means, from the knowledge base. */
    CODE_MEANING,
    /** The Ray ID the edge gave. */
    RAY,
    /** The data centre that answered. */
    COLO,
    /** The SSL mode the config says the zone uses ("Full (strict)"). */
    SSL_MODE,
    /** Time to first byte seen, e.g. "2.4 s". */
    FIRST_BYTE,
    /** The slow-response threshold, e.g. "1.8 s". */
    SLOW_THRESHOLD,
    /** Whose certificate a finding is about: "origin" or "Cloudflare edge". */
    CERT_OWNER,
    /** "expires in 5 days" / "expired 3 days ago". */
    CERT_EXPIRY,
    /** The certificate-expiry threshold in days. */
    CERT_THRESHOLD,
    /** The check's deadline, e.g. "10 s". */
    DEADLINE,
    /** What Cloudflare's status page reports that concerns a failing check (incidents, the serving data centre). */
    CLOUDFLARE_STATUS,
    /** The failures no rule explains, one sentence, "; " between them. */
    UNEXPLAINED,
    /** The id of the Cloudflare Tunnel the host is routed to (from the Cloudflare API). */
    TUNNEL,
    /** The zone's Minimum TLS Version for visitors, e.g. "1.2" (from the Cloudflare API). */
    MIN_TLS;

    private static final Map<String, Placeholder> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Placeholder::templateName, Function.identity()));

    /** The name as written in templates: lower camel case ({@code EDGE_IP} is {@code edgeIp}). */
    public String templateName() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** The placeholder of a template name, or {@code null} when there is none. */
    public static Placeholder byName(String name) {
        return BY_NAME.get(name);
    }
}
