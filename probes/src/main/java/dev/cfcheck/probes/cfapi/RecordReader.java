package dev.cfcheck.probes.cfapi;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.OneLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the host's records from {@code GET /zones/{id}/dns_records?name=}, every page; when the host has none of
 * its own, the wildcard that covers it ({@code *.example.com}). Only A, AAAA and CNAME are kept: the records
 * that say where Cloudflare sends the traffic.
 */
final class RecordReader {

    static final String DURING = "DNS records";
    static final int PER_PAGE = 100;
    /** Pages read at most: a name with more than a thousand records is not one site's. */
    static final int MAX_PAGES = 10;
    /** Records kept at most. */
    static final int MAX_RECORDS = 50;
    private static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME");

    private final CloudflareApi api;

    RecordReader(CloudflareApi api) {
        this.api = api;
    }

    /** @throws ApiException when a page could not be read */
    List<ApiRecord> read(ApiZone zone, String host, Deadline deadline) {
        String name = host.toLowerCase(Locale.ROOT);
        List<ApiRecord> own = pages(zone.id(), name, deadline);
        if (!own.isEmpty() || name.equalsIgnoreCase(zone.name()) || name.indexOf('.') < 0) {
            return own;
        }
        return pages(zone.id(), "*" + name.substring(name.indexOf('.')), deadline);
    }

    private List<ApiRecord> pages(String zoneId, String name, Deadline deadline) {
        List<ApiRecord> out = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= Math.min(pages, MAX_PAGES) && out.size() < MAX_RECORDS; page++) {
            var url = api.url("zones", zoneId, "dns_records")
                    .addQueryParameter("name", name)
                    .addQueryParameter("per_page", String.valueOf(PER_PAGE))
                    .addQueryParameter("page", String.valueOf(page))
                    .build();
            ApiEnvelope<List<ApiDnsRecord>> answer = CloudflareApi.await(
                    api.get(DURING, url, CloudflareApi.listOf(ApiDnsRecord.class), deadline), DURING, deadline);
            if (answer.result() != null) {
                for (ApiDnsRecord r : answer.result()) {
                    if (r != null && r.type() != null && TYPES.contains(r.type()) && out.size() < MAX_RECORDS) {
                        out.add(new ApiRecord(r.type(), OneLine.of(r.name(), 253), OneLine.of(r.content(), 253),
                                Boolean.TRUE.equals(r.proxied())));
                    }
                }
            }
            pages = answer.resultInfo() == null ? 1 : answer.resultInfo().pages();
        }
        return out;
    }
}
