package dev.cfcheck.probes.cfapi;

import static dev.cfcheck.testing.CloudflareApiStandIn.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.check.ReportJson;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.site.TargetParser;
import dev.cfcheck.testing.CloudflareApiStandIn;
import dev.cfcheck.testing.Loopback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API probe against a loopback stand-in answering in the API's documented shapes. */
class CloudflareApiProbeTest {

    private static final String HOST = "shop.example.test";
    private static final String TUNNEL_ID = "6ff42ae2-765d-4adf-8112-31c55c1551ef";

    private CloudflareApiStandIn api;
    private CloudflareApi client;
    private CloudflareApiProbe probe;

    @BeforeEach
    void start() {
        api = CloudflareApiStandIn.start().zone("example.test", "z1");
        client = CloudflareApi.create(api.url(), TOKEN);
        probe = new CloudflareApiProbe(client);
    }

    @AfterEach
    void stop() {
        probe.close();
        api.close();
    }

    private CloudflareApiResult run(String host) {
        return run(host, AddressPolicy.ALLOW_ALL, List.of(), Duration.ofSeconds(5));
    }

    private CloudflareApiResult run(String host, AddressPolicy policy, List<OriginEndpoint> given, Duration time) {
        ProbeContext context = new ProbeContext(TargetParser.parse("https://" + host + "/", true), List.of(), given,
                policy, Deadline.after(time), null, ProbeResults.EMPTY, Runnable::run);
        return probe.run(context).result();
    }

    @Test
    void zoneFoundTwoLabelsUpAndTheRecordsReadOverEveryPage() {
        String host = "a.b." + HOST.substring(HOST.indexOf('.') + 1); // a.b.example.test: zone two labels up
        api.pageSize(2)
                .record("z1", "A", host, "192.0.2.1", true)
                .record("z1", "AAAA", host, "2001:db8::1", true)
                .record("z1", "TXT", host, "v=spf1 -all", false)
                .record("z1", "A", host, "192.0.2.2", true)
                .record("z1", "A", host, "192.0.2.3", true);

        CloudflareApiResult r = run(host);

        assertThat(r.zone()).isEqualTo("example.test");
        assertThat(api.requests("/zones?")).isEqualTo(3); // a.b.example.test, b.example.test, example.test
        assertThat(api.requests("/zones/z1/dns_records")).isEqualTo(3); // five records in pages of two
        assertThat(r.records()).extracting(ApiRecord::content)
                .containsExactly("192.0.2.1", "2001:db8::1", "192.0.2.2", "192.0.2.3"); // the TXT is not kept
        assertThat(r.origins()).containsExactly("192.0.2.1", "2001:db8::1", "192.0.2.2", "192.0.2.3");
        assertThat(r.originsUsed()).isTrue();
        assertThat(probe.originsOf(r)).extracting(OriginEndpoint::ip).containsExactly("192.0.2.1", "2001:db8::1", "192.0.2.2", "192.0.2.3");
        assertThat(probe.originsOf(r)).allSatisfy(o -> assertThat(o.port()).isNull());
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void theZoneLookupIsCachedTheRecordsAndSettingsAreNot() {
        api.record("z1", "A", HOST, "192.0.2.1", true).settings("z1", "full", "on", "1.2", "on", "off");

        run(HOST);
        run(HOST);

        assertThat(api.requests("/zones?")).isEqualTo(2); // shop.example.test (no zone), example.test: once each
        assertThat(api.requests("/zones/z1/dns_records")).isEqualTo(2);
        assertThat(api.requests("/zones/z1/settings/ssl")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SslMode.class)
    void eachSslModeAndTheOtherSettingsAreRead(SslMode mode) {
        api.record("z1", "A", HOST, "192.0.2.1", true).settings("z1", mode.json(), "on", "1.2", "zrt", "on");

        CloudflareApiResult r = run(HOST);

        assertThat(r.settings()).isEqualTo(new ZoneSettings(mode, "on", "1.2", "zrt", "on"));
        assertThat(KEY_EVIDENCE(r)).contains("cloudflare api: SSL " + mode.label()
                + ", Always Use HTTPS on, min TLS 1.2, TLS 1.3 zrt, AOP on");
    }

    @Test
    void aCnameToCfargotunnelIsACloudflareTunnelWithNoOriginAddress() {
        api.record("z1", "CNAME", HOST, TUNNEL_ID + ".cfargotunnel.com", true);

        CloudflareApiResult r = run(HOST);

        assertThat(r.tunnel()).isEqualTo(TUNNEL_ID);
        assertThat(r.origins()).isEmpty();
        assertThat(CloudflareApiProbe.KEY.describer().fields(target(), r)).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("Origin");
            assertThat(f.value()).startsWith("Cloudflare Tunnel " + TUNNEL_ID + " (from the Cloudflare API, record CNAME " + HOST + ")")
                    .doesNotContain("origin=");
        });
    }

    @Test
    void aRecordNotProxiedIsDnsOnlyAndNamesNoOrigin() {
        api.record("z1", "A", HOST, "198.51.100.7", false);

        CloudflareApiResult r = run(HOST);

        assertThat(r.dnsOnly()).isTrue();
        assertThat(r.origins()).isEmpty();
        assertThat(CloudflareApiProbe.KEY.describer().fields(target(), r))
                .anySatisfy(f -> assertThat(f.value()).isEqualTo("at Cloudflare: record A " + HOST + " DNS only (not proxied)"));
    }

    @Test
    void theWildcardRecordCoversAHostWithoutRecordsOfItsOwn() {
        api.record("z1", "A", "*.example.test", "192.0.2.9", true);

        CloudflareApiResult r = run(HOST);

        assertThat(r.records()).singleElement().satisfies(rec -> assertThat(rec.label()).isEqualTo("record A *.example.test"));
        assertThat(r.origins()).containsExactly("192.0.2.9");
    }

    @Test
    void anOriginTheSafeTargetPolicyRefusesIsNotNamed() {
        // Classified only, never connected to: a private address and a public one (a root server's).
        api.record("z1", "A", HOST, "10.1.2.3", true).record("z1", "A", HOST, "198.41.0.4", true);

        CloudflareApiResult r = run(HOST, SafeAddressPolicy.forChecks(false), List.of(), Duration.ofSeconds(5));

        assertThat(r.origins()).containsExactly("198.41.0.4");
        assertThat(r.refused()).containsExactly("10.1.2.3");
        assertThat(CloudflareApiProbe.KEY.describer().fields(target(), r)).anySatisfy(f -> assertThat(f.value())
                .isEqualTo("from the Cloudflare API, record A " + HOST + "\nfrom the Cloudflare API, record A " + HOST
                        + ": not probed (address refused by the safe-target policy)"));
    }

    @Test
    void anOriginGivenWinsTheApisIsNotUsed() {
        api.record("z1", "A", HOST, "192.0.2.1", true);

        CloudflareApiResult r = run(HOST, AddressPolicy.ALLOW_ALL, List.of(new OriginEndpoint(Loopback.ADDRESS, 8443)), Duration.ofSeconds(5));

        assertThat(r.originsUsed()).isFalse();
        assertThat(CloudflareApiProbe.KEY.describer().fields(target(), r)).noneSatisfy(f -> assertThat(f.label()).isEqualTo("Origin"));
    }

    @Test
    void aRefusedToken401IsAProblemNotAFailure() {
        api.failing("", CloudflareApiStandIn.error(401, 10001, "Unable to authenticate request"));

        CloudflareApiResult r = run(HOST);

        assertThat(r.zone()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ApiProblem.Kind.INVALID_TOKEN);
            assertThat(p.status()).isEqualTo(401);
        });
        assertThat(CloudflareApiProbe.KEY.describer().failures(target(), r)).isEmpty();
    }

    @Test
    void anInvalidToken403With9109() {
        CloudflareApi wrong = CloudflareApi.create(api.url(), "not-the-token");
        try (CloudflareApiProbe other = new CloudflareApiProbe(wrong)) {
            ProbeContext context = new ProbeContext(target(), List.of(), List.of(), AddressPolicy.ALLOW_ALL,
                    Deadline.after(Duration.ofSeconds(5)), null, ProbeResults.EMPTY, Runnable::run);

            CloudflareApiResult r = other.run(context).result();

            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ApiProblem.Kind.INVALID_TOKEN);
                assertThat(p.code()).isEqualTo(9109);
                assertThat(p.message()).isEqualTo("Invalid access token");
            });
        }
    }

    @Test
    void aTokenWithoutZoneSettingsRead403With10000StillReadsTheRecords() {
        api.record("z1", "A", HOST, "192.0.2.1", true)
                .failing("/zones/z1/settings", CloudflareApiStandIn.error(403, 10000, "Authentication error"));

        CloudflareApiResult r = run(HOST);

        assertThat(r.origins()).containsExactly("192.0.2.1");
        assertThat(r.settings().unread()).isTrue();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ApiProblem.Kind.NOT_PERMITTED);
            assertThat(p.during()).isEqualTo("zone settings");
            assertThat(p.code()).isEqualTo(10000);
        });
        assertThat(CloudflareApiProbe.KEY.describer().fields(target(), r)).anySatisfy(f -> assertThat(f.value())
                .isEqualTo("example.test\nzone settings not read: token not permitted (403, 10000 Authentication error)"));
    }

    @Test
    void noZoneAmongTheTokensZones() {
        CloudflareApiResult r = run("www.elsewhere.test");

        assertThat(r.zone()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ApiProblem.Kind.ZONE_NOT_FOUND));
    }

    @Test
    void a429WithARetryAfterInsideTheDeadlineIsWaitedForAndRetriedOnce() {
        api.record("z1", "A", HOST, "192.0.2.1", true).failing("/zones/z1/dns_records", CloudflareApiStandIn.rateLimited(1), 1);

        CloudflareApiResult r = run(HOST);

        assertThat(r.origins()).containsExactly("192.0.2.1");
        assertThat(api.requests("/zones/z1/dns_records")).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void a429WithARetryAfterPastTheDeadlineIsAProblemAndTheApiIsLeftAloneUntilThen() {
        api.record("z1", "A", HOST, "192.0.2.1", true).failing("/zones", CloudflareApiStandIn.rateLimited(300));

        CloudflareApiResult first = run(HOST);
        long asked = api.requests().size();
        CloudflareApiResult second = run(HOST);

        assertThat(first.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ApiProblem.Kind.RATE_LIMITED);
            assertThat(p.retryAfterSeconds()).isEqualTo(300);
            assertThat(p.code()).isEqualTo(971);
        });
        assertThat(second.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ApiProblem.Kind.RATE_LIMITED));
        assertThat(api.requests()).hasSize((int) asked); // not asked again before Retry-After
    }

    @Test
    void anApiThatNeverAnswersEndsAtTheDeadlineWithAProblem() {
        api.stalling("");

        CloudflareApiResult r = run(HOST, AddressPolicy.ALLOW_ALL, List.of(), Duration.ofMillis(300));

        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ApiProblem.Kind.TIMEOUT));
    }

    @Test
    void anApiInTroubleIsUnavailable() {
        api.failing("", new mockwebserver3.MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());

        CloudflareApiResult r = run(HOST);

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ApiProblem.Kind.UNAVAILABLE);
            assertThat(p.status()).isEqualTo(502);
        });
    }

    @Test
    void theTokenIsSentAsABearerAndNeverAppearsInTheResultOrTheClient() throws Exception {
        api.record("z1", "A", HOST, "192.0.2.1", true).settings("z1", "strict", "on", "1.2", "on", "off");

        CloudflareApiResult r = run(HOST);

        assertThat(ReportJson.mapper().writeValueAsString(r)).doesNotContain(TOKEN);
        assertThat(client.toString()).doesNotContain(TOKEN);
        assertThat(r.settings().ssl()).isEqualTo(SslMode.STRICT); // only the right token gets answers
    }

    @Test
    void noClientOrAnAddressTargetDoesNotRun() {
        try (CloudflareApiProbe off = new CloudflareApiProbe(null)) {
            ProbeContext context = new ProbeContext(target(), List.of(), List.of(), AddressPolicy.ALLOW_ALL,
                    Deadline.after(Duration.ofSeconds(5)), null, ProbeResults.EMPTY, Runnable::run);
            assertThat(off.run(context).result()).isNull();
        }
        ProbeContext byAddress = new ProbeContext(TargetParser.parse("https://127.0.0.1/", true), List.of(), List.of(),
                AddressPolicy.ALLOW_ALL, Deadline.after(Duration.ofSeconds(5)), null, ProbeResults.EMPTY, Runnable::run);
        assertThat(probe.run(byAddress).result()).isNull();
        assertThat(api.requests()).isEmpty();
    }

    private static dev.cfcheck.site.Target target() {
        return TargetParser.parse("https://" + HOST + "/", true);
    }

    private static List<String> KEY_EVIDENCE(CloudflareApiResult r) {
        return CloudflareApiProbe.KEY.describer().evidence(target(), r);
    }
}
