package dev.cfcheck.diagnosis;

/**
 * What the owner told us about a domain in the config: shown on the card and used to pick the 525/526 steps.
 *
 * @param sslMode the Cloudflare SSL mode the zone is expected to use, or {@code null} when unknown
 * @param notes   free text for on-call ("origin is the k8s ingress, ask #platform"), or {@code null}
 */
public record DomainSettings(SslMode sslMode, String notes) {

    public static final DomainSettings NONE = new DomainSettings(null, null);
}
