package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A zone as {@code GET /zones} lists it (the fields read here only).
 *
 * @param id     the zone's identifier
 * @param name   the domain, e.g. {@code example.com}
 * @param status {@code initializing}, {@code pending}, {@code active} or {@code moved}
 * @param paused the zone is paused: Cloudflare answers DNS only and proxies nothing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiZone(String id, String name, String status, Boolean paused) {
}
