package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.NetworkText;
import dev.cfcheck.probes.tls.CertificateInfo;
import java.util.List;

/**
 * One request to the edge (https or http), redirects followed by hand. URLs are kept clipped
 * ({@link NetworkText#url}): the final one is wherever the peer's redirects led.
 *
 * @param url           the first URL requested
 * @param finalUrl      the URL of the last response (after redirects)
 * @param address       the IP connected to for the last response, or {@code null}
 * @param status        the final HTTP status, or {@code null} when no response came
 * @param server        the {@code server} header
 * @param cfRay         the {@code cf-ray} header as sent
 * @param rayId         the 16-hex part of the Ray ID (header, or the page when no header)
 * @param colo          the IATA data-centre code from {@code cf-ray}
 * @param coloCity      "City, Country" for the colo, when known
 * @param cacheStatus   the {@code cf-cache-status} header
 * @param mitigated     the {@code cf-mitigated} header
 * @param retryAfter    the {@code retry-after} header
 * @param page          the Cloudflare-generated page in the body, or {@code null} when the body is the origin's
 * @param redirects     the redirect hops followed, in order
 * @param redirectLoop  true when a URL came back or the 10-hop limit was reached
 * @param timings       per-phase times of the last request
 * @param certificate   the edge's leaf certificate (https only), or {@code null}
 * @param failure       why no (final) response came, or {@code null}
 */
public record HttpExchange(
        String url,
        String finalUrl,
        String address,
        Integer status,
        String server,
        String cfRay,
        String rayId,
        String colo,
        String coloCity,
        String cacheStatus,
        String mitigated,
        String retryAfter,
        CloudflarePage page,
        List<Redirect> redirects,
        boolean redirectLoop,
        Timings timings,
        CertificateInfo certificate,
        Failure failure) {

    public HttpExchange {
        url = NetworkText.url(url);
        finalUrl = NetworkText.url(finalUrl);
        redirects = List.copyOf(redirects);
    }

    /** True when a response (any status) came back. */
    public boolean answered() {
        return status != null;
    }

    /**
     * True when a final response came whole: a status, and nothing broken or cut after it (a body short of its
     * {@code Content-Length}, broken chunks, a redirect that could not be followed). Only a complete response is
     * evidence that the URL works.
     */
    public boolean complete() {
        return answered() && failure == null;
    }

    /** True when the response came through Cloudflare ({@code cf-ray} or {@code server: cloudflare}). */
    public boolean viaCloudflare() {
        return cfRay != null || (server != null && server.toLowerCase(java.util.Locale.ROOT).startsWith("cloudflare"));
    }
}
