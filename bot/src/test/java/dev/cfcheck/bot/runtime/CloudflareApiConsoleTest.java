package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.testing.CloudflareApiStandIn;
import dev.cfcheck.testing.LoopbackSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        Path config = Files.writeString(dir.resolve("cfcheck.yml"), String.join("\n",
                "allowPrivate: true", "timeout: 10s", // the API has 4 s of it: ample on a loaded machine
                "resolver: 127.0.0.1:" + site.dns().address().getPort(),
                "cloudflareRanges: " + site.rangesFile(), "caFile: " + site.caFile(), ""));
        Map<String, String> environment = Map.of("CLOUDFLARE_API_TOKEN", CloudflareApiStandIn.TOKEN,
                "CLOUDFLARE_API_URL", api.url());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BotCommand bot = new BotCommand(new ConfigBotWiring(environment), Environment.of(Map.of()),
                new ByteArrayInputStream(("/cfcheck " + site.url() + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                List.of(new dev.cfcheck.bot.slack.SlackAdapterFactory()), false);

        int status = new CommandLine(bot).execute("--config", config.toString());

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(CloudflareApiStandIn.TOKEN);
        return out.toString(StandardCharsets.UTF_8);
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
