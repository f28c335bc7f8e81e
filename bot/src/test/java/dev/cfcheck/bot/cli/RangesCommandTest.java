package dev.cfcheck.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.site.CloudflareRanges;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfcheck ranges update} against a loopback stand-in for Cloudflare's API answering {@code /ips}. */
class RangesCommandTest {

    /** The shape of {@code GET /client/v4/ips}: the usual envelope, CIDR lists and an etag. */
    static final String IPS = """
            {"result":{"ipv4_cidrs":["173.245.48.0/20","103.21.244.0/22","104.16.0.0/13"],
                       "ipv6_cidrs":["2400:cb00::/32","2606:4700::/32"],"etag":"38f79d050aa027e3be3865e495dcc9bc"},
             "success":true,"errors":[],"messages":[]}
            """;

    @TempDir
    Path dir;

    private final MockWebServer api = new MockWebServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String apiUrl() {
        return api.url("/client/v4/").toString();
    }

    @Test
    void updateWritesTheConfiguredFileWithTheDateAndTheNextCheckReadsIt() throws Exception {
        api.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(IPS).build());
        Path ranges = dir.resolve("ranges.txt");
        Path config = Files.writeString(dir.resolve("cfcheck.yml"), "cloudflareRanges: " + ranges + "\n");

        int status = run("ranges", "update", "--config", config.toString(), "--api-url", apiUrl());

        assertThat(status).as(err.toString()).isZero();
        assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/client/v4/ips");
        CloudflareRanges written = CloudflareRanges.load(ranges);
        assertThat(written.cidrs()).hasSize(5);
        assertThat(written.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(out.toString()).contains("wrote 3 IPv4 and 2 IPv6 ranges").contains("ranges.txt");

        out.getBuffer().setLength(0);
        assertThat(run("ranges", "show", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("Cloudflare ranges: \"ranges.txt\" of " + written.date() + ", 5 ranges");
    }

    @Test
    void aRefusalFromTheApiLeavesTheFileAsItWasAndSaysWhyInOneLine() throws Exception {
        api.enqueue(new MockResponse.Builder().code(403).setHeader("content-type", "application/json").body("""
                {"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}
                """).build());
        Path ranges = Files.writeString(dir.resolve("ranges.txt"), "# taken 2026-08-22\n104.16.0.0/13\n");

        int status = run("ranges", "update", "--output", ranges.toString(), "--api-url", apiUrl());

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("cfcheck: Cloudflare's API refused /client/v4/ips (HTTP 403; 10000 Authentication error)");
        assertThat(Files.readString(ranges)).isEqualTo("# taken 2026-08-22\n104.16.0.0/13\n");
        assertThat(Files.list(dir)).hasSize(1); // no temporary file left behind
    }

    @Test
    void aListThatIsNotCidrsIsNeverWritten() throws Exception {
        api.enqueue(new MockResponse.Builder().code(200).body("""
                {"result":{"ipv4_cidrs":["173.245.48.0/20","not-a-range"],"ipv6_cidrs":["2400:cb00::/32"]},
                 "success":true,"errors":[],"messages":[]}
                """).build());
        Path ranges = dir.resolve("ranges.txt");

        int status = run("ranges", "update", "--output", ranges.toString(), "--api-url", apiUrl());

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("not a CIDR").contains("not-a-range");
        assertThat(ranges).doesNotExist();
    }

    @Test
    void withoutAFileInTheConfigTheUpdateSaysWhereToWrite() throws Exception {
        Path config = Files.writeString(dir.resolve("cfcheck.yml"), "timeout: 10\n");

        int status = run("ranges", "update", "--config", config.toString(), "--api-url", apiUrl());

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("names no cloudflareRanges file");
        assertThat(api.getRequestCount()).isZero();
    }
}
