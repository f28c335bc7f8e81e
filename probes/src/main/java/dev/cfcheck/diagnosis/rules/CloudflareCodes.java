package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.Locale;
import java.util.Set;

/**
 * The one place a Cloudflare code is decided: seen in the edge's answer (a page Cloudflare wrote, its JSON or
 * Markdown body, a status only Cloudflare uses) or inferred from the origin probed directly when the edge has
 * not answered by the deadline. Rules ask here; nothing else decides a code. (Which page is Cloudflare's, and
 * the code it carries, is read from the response by {@code CloudflarePageClassifier}; which codes block is
 * {@link CloudflarePage#isBlocking}.)
 */
public final class CloudflareCodes {

    /** Codes that say Cloudflare could not connect to the origin at all. */
    static final Set<String> CANNOT_CONNECT = Set.of("521", "522", "523");

    private static final Set<String> FROM_CACHE = Set.of("HIT", "STALE", "UPDATING");

    private CloudflareCodes() {
    }

    /**
     * The code of a Cloudflare-generated error in this response ("522", "1020", "1016"), or {@code null} when
     * the response is not one (the origin's own page, a success, a challenge).
     */
    public static String seen(HttpExchange x) {
        if (x == null || !x.answered()) {
            return null;
        }
        CloudflarePage page = x.page();
        if (page != null && page.type() == CloudflarePage.Type.CHALLENGE) {
            return null;
        }
        if (page != null) {
            return page.code() != null ? page.code() : String.valueOf(x.status());
        }
        // 520-527 and 530 exist only at Cloudflare, even when the page was replaced by a custom one.
        return cloudflareOnly(x.status()) && viaCloudflare(x) ? String.valueOf(x.status()) : null;
    }

    /** 520-527 and 530: statuses only Cloudflare sends. */
    public static boolean cloudflareOnly(int status) {
        return (status >= 520 && status <= 527) || status == 530;
    }

    /** The response came through Cloudflare: a {@code cf-ray}, or {@code server: cloudflare}. */
    public static boolean viaCloudflare(HttpExchange x) {
        return x.cfRay() != null || (x.server() != null && x.server().toLowerCase(Locale.ROOT).startsWith("cloudflare"));
    }

    /**
     * The response came from Cloudflare's cache without asking the origin ({@code cf-cache-status} HIT, or STALE
     * and UPDATING, an expired copy served while the origin could not be or was being asked): it proves
     * nothing about the origin.
     */
    public static boolean fromCache(HttpExchange x) {
        return x != null && x.cacheStatus() != null
                && FROM_CACHE.contains(x.cacheStatus().trim().toUpperCase(Locale.ROOT));
    }

    /** A challenge page, or {@code cf-mitigated: challenge}. */
    public static boolean isChallenge(HttpExchange x) {
        return x != null && x.answered()
                && ((x.page() != null && x.page().type() == CloudflarePage.Type.CHALLENGE)
                || "challenge".equalsIgnoreCase(x.mitigated() == null ? null : x.mitigated().trim()));
    }

    /** The Ray ID: from the {@code cf-ray} header, else the one printed on Cloudflare's page; may be {@code null}. */
    public static String rayId(HttpExchange x) {
        if (x == null) {
            return null;
        }
        return x.rayId() != null ? x.rayId() : x.page() != null ? x.page().rayId() : null;
    }

    /** A code inferred from the origin, the kind it leads to, and why in words. */
    public record Inferred(String code, Kind kind, String because) {
    }

    /**
     * What Cloudflare will answer while the edge is silent, read off the origin on the port Cloudflare uses
     * (Cloudflare's docs: 522 after 19 s without a SYN-ACK, 521 on a refusal, 523 without a route, 525 when the
     * TLS handshake fails or stalls, 524 after 100 s without response headers, 520 for an empty or invalid
     * reply); {@code null} when the origin tells nothing (not probed, or it connects and neither TLS nor HTTP
     * says more).
     */
    public static Inferred inferFromOrigin(Observations.OriginReach reach) {
        return switch (reach) {
            case TIMEOUT -> new Inferred("522", Kind.ORIGIN_TIMEOUT, "did not answer the connection (SYN)");
            case REFUSED -> new Inferred("521", Kind.ORIGIN_REFUSED, "refused the connection");
            case UNREACHABLE -> new Inferred("523", Kind.ORIGIN_UNREACHABLE, "has no route");
            case TLS_FAILS -> new Inferred("525", Kind.TLS_HANDSHAKE, "accepted the connection but did not complete the TLS handshake");
            case SILENT -> new Inferred("524", Kind.RESPONSE_TIMEOUT, "accepted the connection but sent no HTTP response");
            case BROKEN -> new Inferred("520", Kind.ORIGIN_UNKNOWN_RESPONSE, "accepted the connection but its reply was empty or invalid");
            case ANSWERS, CONNECTS, UNKNOWN -> null;
        };
    }

    /**
     * What the edge's broken reply (closed inside the headers, a body short of its length, broken chunks) is, read
     * off the origin: 520 when the origin's own reply breaks too, for Cloudflare then passes on a reply it could
     * not use; {@code null} when the origin does not explain it (unknown, or it answers whole).
     */
    public static Inferred inferFromBrokenEdge(Observations.OriginReach reach) {
        return reach == Observations.OriginReach.BROKEN ? inferFromOrigin(reach) : null;
    }
}
