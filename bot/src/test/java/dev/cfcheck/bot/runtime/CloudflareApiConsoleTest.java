package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.testing.CloudflareApiStandIn;
import dev.cfcheck.testing.LoopbackSite;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfcheck bot} with CLOUDFLARE_API_TOKEN and CLOUDFLARE_API_URL set: the real wiring asks the API stand-in,
 * and the public card says where the origin came from, names a tunnel instead of asking for an address, and
 * keeps the address behind a proxied record hidden.
 */
class CloudflareApiConsoleTest {

    private static final String TUNNEL_ID = "6ff42ae2-765d-4adf-8112-31c55c1551ef";

    @TempDir
    Path dir;

    private LoopbackSite site;
    private CloudflareApiStandIn api;

    @BeforeEach
    void start() throws Exception {
        site = LoopbackSite.start(dir);
        api = CloudflareApiStandIn.start().zone("example.test", "z1");
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());
    }

    @AfterEach
    void stop() {
        api.close();
        site.close();
    }

    private String card() throws Exception {
        ConsoleBotRun.Output run = ConsoleBotRun.checkSite(dir, site, Map.of(
                "CLOUDFLARE_API_TOKEN", CloudflareApiStandIn.TOKEN, "CLOUDFLARE_API_URL", api.url()));

        assertThat(run.status()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).doesNotContain(CloudflareApiStandIn.TOKEN);
        return run.out();
    }

    @Test
    void aTunnelIsNamedOnTheCardAndNoOriginAddressIsAskedFor() throws Exception {
        api.record("z1", "CNAME", LoopbackSite.HOST, TUNNEL_ID + ".cfargotunnel.com", true);

        String card = card();

        assertThat(card).contains("Cloudflare Tunnel " + TUNNEL_ID + " (from the Cloudflare API, record CNAME "
                + LoopbackSite.HOST + ")").doesNotContain("origin unknown").doesNotContain("origin=IP");
        assertThat(api.requests("/zones/z1/dns_records")).isEqualTo(1);
    }

    @Test
    void theOriginFromTheApiIsSaidAndItsAddressStaysHiddenOnThePublicCard() throws Exception {
        api.record("z1", "A", LoopbackSite.HOST, "127.0.0.9", true).settings("z1", "strict", "on", "1.2", "on", "off");

        String card = card();

        assertThat(card).contains("from the Cloudflare API, record A " + LoopbackSite.HOST)
                .contains("SSL Full (strict)")
                .contains("$ORIGIN_IP")
                .doesNotContain("127.0.0.9");
    }
}
