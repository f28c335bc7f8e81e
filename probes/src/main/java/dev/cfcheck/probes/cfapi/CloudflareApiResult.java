package dev.cfcheck.probes.cfapi;

import java.util.List;

/**
 * What the Cloudflare API says about the checked host: its zone, its records, the zone's settings, and what
 * that means for the origin (the addresses behind proxied records, or a Cloudflare Tunnel).
 *
 * @param zone        the zone's name, or {@code null} when none was found
 * @param zoneStatus  the zone's status ("active", "pending"...), or {@code null}
 * @param zonePaused  the zone is paused (Cloudflare proxies nothing), or {@code null} when unknown
 * @param records     the host's A, AAAA and CNAME records (or the wildcard's covering it)
 * @param settings    the zone's SSL/TLS settings, each {@code null} when not read
 * @param tunnel      the Cloudflare Tunnel's id when a record is a CNAME to {@code <id>.cfargotunnel.com}, else {@code null}
 * @param origins     the addresses behind the proxied A/AAAA records that the safe-target policy allows
 * @param refused     addresses behind proxied records the safe-target policy refused (not probed)
 * @param originsUsed true when the check probed {@code origins}; false when it was given its own (origin=, config)
 * @param problems    what could not be read, and why (empty when everything was)
 * @param elapsedMs   time spent on the API
 */
public record CloudflareApiResult(
        String zone,
        String zoneStatus,
        Boolean zonePaused,
        List<ApiRecord> records,
        ZoneSettings settings,
        String tunnel,
        List<String> origins,
        List<String> refused,
        boolean originsUsed,
        List<ApiProblem> problems,
        long elapsedMs) {

    public CloudflareApiResult {
        records = List.copyOf(records);
        settings = settings == null ? ZoneSettings.UNREAD : settings;
        origins = List.copyOf(origins);
        refused = List.copyOf(refused);
        problems = List.copyOf(problems);
    }

    /** True when the host has records and none of them is proxied: Cloudflare is not in the path. */
    public boolean dnsOnly() {
        return !records.isEmpty() && records.stream().noneMatch(ApiRecord::proxied);
    }

    /** The records behind the origins (proxied A and AAAA), in the API's order. */
    public List<ApiRecord> originRecords() {
        return records.stream().filter(r -> r.proxied() && (r.type().equals("A") || r.type().equals("AAAA"))).toList();
    }
}
