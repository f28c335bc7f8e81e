package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A DNS record as {@code GET /zones/{id}/dns_records} lists it (the fields read here only).
 *
 * @param name    the record's name in punycode
 * @param type    {@code A}, {@code AAAA}, {@code CNAME}...
 * @param content the address (A, AAAA) or the target name (CNAME)
 * @param proxied traffic goes through Cloudflare ("orange cloud")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiDnsRecord(String name, String type, String content, Boolean proxied) {
}
