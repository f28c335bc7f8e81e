package dev.cfcheck.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfcheck.check.ReportJson;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cfcheck check} as scripts drive it: the JSON contract, the exit statuses and one-line errors. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private LoopbackSite site;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startSite() throws Exception {
        site = LoopbackSite.start(dir);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** The options that point cfcheck at the loopback site instead of the internet. */
    private List<String> loopbackOptions(String... more) {
        List<String> args = new ArrayList<>(List.of("check",
                "--dns", site.dns().address().getAddress().getHostAddress() + ":" + site.dns().address().getPort(),
                "--cloudflare-ranges", site.rangesFile().toString(),
                "--ca-file", site.caFile().toString(),
                "--allow-private"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void cloudflare522GivesTheJsonContractAndExitStatus1() throws Exception {
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"));
        int closed = ClosedPort.find();

        int status = run(loopbackOptions("--json", "--origin", "127.0.0.1:" + closed, site.url())
                .toArray(String[]::new));

        assertThat(status).as(err.toString()).isEqualTo(ExitCodes.PROBLEM);
        JsonNode json = ReportJson.mapper().readTree(out.toString());
        assertThat(json.fieldNames()).toIterable().containsExactly(
                "domain", "target", "checkedAt", "elapsedMs", "cached", "verdict", "findings", "probes", "config", "final");
        assertThat(json.get("final").asBoolean()).isTrue();
        assertThat(json.get("domain").asText()).isEqualTo(LoopbackSite.HOST);
        assertThat(json.get("target").asText()).isEqualTo(site.url());
        assertThat(json.get("checkedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(json.get("cached").asBoolean()).isFalse();
        JsonNode verdict = json.get("verdict");
        assertThat(verdict.get("code").asText()).isEqualTo("522");
        assertThat(verdict.get("inferred").asBoolean()).isFalse();
        assertThat(verdict.get("severity").asText()).isEqualTo("critical");
        assertThat(verdict.get("evidence").isArray()).isTrue();
        assertThat(verdict.get("nextSteps").get(0).has("text")).isTrue();
        assertThat(verdict.get("nextSteps").get(0).has("command")).isTrue();
        assertThat(json.get("probes").fieldNames()).toIterable().containsExactly("dns", "edge", "origin", "tls", "trace", "status", "cloudflare");
        assertThat(json.get("probes").get("edge").get("https").get("colo").asText()).isEqualTo("DTW");
    }

    @Test
    void healthySiteExitsZeroAndPrintsATerminalCard() {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());

        int status = run(loopbackOptions(site.url()).toArray(String[]::new));

        assertThat(status).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("200").contains("Next steps").doesNotContain("\u001b[");
    }

    @Test
    void probeThatDidNotRunIsNullInJson() throws Exception {
        int status = run(loopbackOptions("--json", "https://missing.example.test/").toArray(String[]::new));

        assertThat(status).isEqualTo(ExitCodes.PROBLEM);
        JsonNode probes = ReportJson.mapper().readTree(out.toString()).get("probes");
        assertThat(probes.get("dns").get("status").asText()).isEqualTo("NXDOMAIN");
        assertThat(probes.get("edge").isNull()).isTrue();
        assertThat(probes.get("origin").isNull()).isTrue();
        assertThat(probes.get("tls").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "http://user:pw@example.com/", "", "10.0.0.1", "exa mple.com",
            "https://example.com:8444/"})
    void badInputExitsTwoWithOneLineAndJsonError(String target) throws Exception {
        int status = run("check", "--json", target);

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("cfcheck: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(ReportJson.mapper().readTree(out.toString()).get("error").asText()).isNotBlank();
    }

    @Test
    void unknownOptionIsAUsageErrorWithJsonError() throws Exception {
        int status = run("check", "--json", "--frobnicate", "example.com");

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ReportJson.mapper().readTree(out.toString()).get("error").asText()).contains("frobnicate");
    }

    @Test
    void privateOriginIsRefusedWithoutAllowPrivate() {
        int status = run("check", "--origin", "10.1.2.3", "--dns", "127.0.0.1:1", "--timeout", "1", "example.com");

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("10.1.2.3").contains("private");
    }

    @Test
    void originOnAPortCloudflareDoesNotProxyIsRefusedInOneLineNamingThePort() {
        int status = run("check", "--origin", "192.0.2.7:6379", "--dns", "127.0.0.1:1", "--timeout", "1", "example.com");

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("cfcheck: origin 192.0.2.7:6379: port 6379 is not one Cloudflare proxies")
                .doesNotContain("\n");
    }

    @Test
    void badConfigFileIsBadInputNamingTheLine() throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("cfcheck.yml"), "timeout: 5s\ntimout: 3s\n");

        int status = run("check", "--config", config.toString(), "example.com");

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("line 2").contains("timout");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("cfcheck ")
                .contains("Cloudflare ranges: bundled copy of 2026-08-22");
    }

    @Test
    void followPrintsThePreliminaryReportThenCloudflaresOwnAsJsonLines() throws Exception {
        // Cloudflare's 522 comes after its connect limit (19 s, shortened here) past cfcheck's deadline.
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html").newBuilder()
                .headersDelay(2000, java.util.concurrent.TimeUnit.MILLISECONDS).build());

        int status = run(loopbackOptions("--json", "--follow", "--timeout", "0.8", site.url()).toArray(String[]::new));

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as(err.toString()).hasSize(2);
        JsonNode preliminary = ReportJson.mapper().readTree(lines.get(0));
        JsonNode last = ReportJson.mapper().readTree(lines.get(1));
        assertThat(preliminary.get("final").asBoolean()).isFalse();
        assertThat(preliminary.get("verdict").get("kind").asText()).isEqualTo("EDGE_SILENT");
        assertThat(last.get("final").asBoolean()).isTrue();
        assertThat(last.get("verdict").get("code").asText()).isEqualTo("522");
        assertThat(last.get("verdict").get("inferred").asBoolean()).isFalse();
        assertThat(status).isEqualTo(ExitCodes.PROBLEM);
    }

    @Test
    void followOnTheTerminalPrintsAPreliminaryCardThenTheFinalOne() {
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html").newBuilder()
                .headersDelay(2000, java.util.concurrent.TimeUnit.MILLISECONDS).build());

        int status = run(loopbackOptions("--follow", "--timeout", "0.8", site.url()).toArray(String[]::new));

        String text = out.toString();
        assertThat(text).contains("Preliminary: Cloudflare had not answered").contains("preliminary · checked");
        assertThat(text.indexOf("EDGE_SILENT")).isLessThan(text.indexOf("ORIGIN_TIMEOUT"));
        assertThat(status).isEqualTo(ExitCodes.PROBLEM);
    }

    @Test
    void withoutFollowTheCheckEndsAtTheDeadlineWithAFinalReport() throws Exception {
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html").newBuilder()
                .headersDelay(2000, java.util.concurrent.TimeUnit.MILLISECONDS).build());

        int status = run(loopbackOptions("--json", "--timeout", "0.8", site.url()).toArray(String[]::new));

        JsonNode json = ReportJson.mapper().readTree(out.toString());
        assertThat(json.get("final").asBoolean()).isTrue();
        assertThat(json.get("verdict").get("kind").asText()).isEqualTo("EDGE_SILENT");
        assertThat(status).isEqualTo(ExitCodes.PROBLEM);
    }
}
