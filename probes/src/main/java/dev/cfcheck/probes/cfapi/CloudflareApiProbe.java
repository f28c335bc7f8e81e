package dev.cfcheck.probes.cfapi;

import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.OriginSource;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.site.IpLiteral;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.UnsafeAddressException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the Cloudflare API (optional: only with a token) what the zone says about the host: its zone, its
 * records, and the zone's SSL/TLS settings. From the records it names the origins: the address behind each
 * proxied A/AAAA record (checked against the safe-target policy here), or a Cloudflare Tunnel when the host
 * is a CNAME to {@code <id>.cfargotunnel.com}, where no origin address exists to probe.
 *
 * <p>Runs beside DNS under its share of the deadline ({@link OriginSource}). Whatever the API does (a refused
 * token, a missing scope, a zone in another account, a 429, no answer), the result says so and the check goes
 * on with what is public: nothing here fails a check or holds it past its deadline.
 */
public final class CloudflareApiProbe implements OriginSource<CloudflareApiResult>, AutoCloseable {

    /** The report's {@code probes.cloudflare}. */
    public static final ProbeKey<CloudflareApiResult> KEY = new ProbeKey<>("cloudflare", new CloudflareApiDescriber());

    private static final Pattern TUNNEL = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.cfargotunnel\\.com\\.?", Pattern.CASE_INSENSITIVE);

    private final CloudflareApi api;
    private final ZoneFinder zones;
    private final RecordReader records;
    private final SettingsReader settings;

    /** @param api the API client, or {@code null} when no token is configured (the probe then never runs) */
    public CloudflareApiProbe(CloudflareApi api) {
        this.api = api;
        this.zones = api == null ? null : new ZoneFinder(api);
        this.records = api == null ? null : new RecordReader(api);
        this.settings = api == null ? null : new SettingsReader(api);
    }

    @Override
    public ProbeKey<CloudflareApiResult> key() {
        return KEY;
    }

    /** Its calls run on OkHttp's own bounded dispatcher; the probe's thread only waits for them. */
    @Override
    public int threadsPerCheck() {
        return 0;
    }

    @Override
    public ProbeOutcome<CloudflareApiResult> run(ProbeContext context) {
        String host = context.target().host();
        if (api == null || IpLiteral.parse(host).isPresent()) {
            return ProbeOutcome.notRun(); // no token, or an address: there is no zone to ask about
        }
        long started = System.nanoTime();
        Lookup lookup = new Lookup();
        Optional<ApiZone> zone;
        try {
            zone = zones.find(host, context.deadline());
        } catch (ApiException e) {
            lookup.problems.add(e.problem());
            return ProbeOutcome.of(lookup.result(null, context, started));
        }
        if (zone.isEmpty()) {
            lookup.problems.add(new ApiProblem(ApiProblem.Kind.ZONE_NOT_FOUND, ZoneFinder.DURING, null, null,
                    "no zone for " + host + " or a parent name among the zones the token can read", null));
            return ProbeOutcome.of(lookup.result(null, context, started));
        }
        SettingsReader.Pending pending = settings.start(zone.get().id(), context.deadline()); // meanwhile
        try {
            lookup.records.addAll(records.read(zone.get(), host, context.deadline()));
        } catch (ApiException e) {
            lookup.problems.add(e.problem());
        }
        SettingsReader.Read read = pending.await();
        lookup.settings = read.settings();
        lookup.problems.addAll(read.problems());
        return ProbeOutcome.of(lookup.result(zone.get(), context, started));
    }

    @Override
    public List<OriginEndpoint> originsOf(CloudflareApiResult result) {
        return result.origins().stream().map(IpLiteral::parse).flatMap(Optional::stream)
                .map(address -> new OriginEndpoint(address, null)).toList();
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
    }

    /** What one run has gathered. */
    private static final class Lookup {
        final List<ApiRecord> records = new ArrayList<>();
        final List<ApiProblem> problems = new ArrayList<>();
        ZoneSettings settings = ZoneSettings.UNREAD;

        CloudflareApiResult result(ApiZone zone, ProbeContext context, long started) {
            List<String> origins = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            String tunnel = null;
            for (ApiRecord r : records) {
                if (r.type().equals("CNAME") && r.content() != null) {
                    Matcher m = TUNNEL.matcher(r.content());
                    if (m.matches() && tunnel == null) {
                        tunnel = m.group(1).toLowerCase(Locale.ROOT);
                    }
                }
            }
            for (ApiRecord r : records) {
                Optional<InetAddress> address = r.proxied() && !r.type().equals("CNAME")
                        ? IpLiteral.parse(r.content()) : Optional.empty();
                if (address.isEmpty()) {
                    continue;
                }
                String ip = IpLiteral.format(address.get());
                try {
                    context.policy().requireAllowed(address.get());
                    if (!origins.contains(ip) && origins.size() < ProbeContext.MAX_ORIGINS) {
                        origins.add(ip);
                    }
                } catch (UnsafeAddressException e) {
                    if (!refused.contains(ip)) {
                        refused.add(ip);
                    }
                }
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            return new CloudflareApiResult(zone == null ? null : zone.name(), zone == null ? null : OneLine.of(zone.status(), 20),
                    zone == null ? null : zone.paused(), records, settings, tunnel, origins, refused,
                    context.origins().isEmpty(), problems, elapsedMs);
        }
    }
}
