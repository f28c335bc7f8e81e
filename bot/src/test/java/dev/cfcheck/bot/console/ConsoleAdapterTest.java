package dev.cfcheck.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TargetValidator;
import dev.cfcheck.bot.router.TestInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleAdapterTest {

    private static String run(String input, ScriptedCheckService checks) throws Exception {
        return run(input, checks, TestInputs.TARGETS);
    }

    private static String run(String input, ScriptedCheckService checks, TargetValidator targets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommandRouter router = CommandRouter.builder(checks).targets(targets).origins(TestInputs.ORIGINS).build()) {
            ConsoleAdapter console = new ConsoleAdapter(router, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), false);
            console.start();
            console.awaitTermination();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedCommandPrintsTheCardAndEndOfInputEndsCleanly() throws Exception {
        ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));

        String out = run("/cfcheck example.com origin=203.0.113.7\n", checks);

        assertThat(out).startsWith("checking example.com…\n✖ 522  Connection timed out (522)  [critical, ORIGIN_TIMEOUT]\n  https://example.com/\n");
        assertThat(out).contains("  Edge         HTTP 522 · Cloudflare error page 522\n")
                .contains("  1. Check the origin answers on 443 from its own network.\n")
                .contains("     $ curl -sv --resolve example.com:443:$ORIGIN_IP https://example.com/\n")
                .containsPattern("checked 2026-11-24 21:07:19 UTC · fresh · took 3.1 s · ref [A-Z2-7]{8}\n$");
        assertThat(checks.requests()).hasSize(1);
    }

    @Test
    void linesRunInOrderWithHelpRefusalsAndExit() throws Exception {
        ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.healthy(r.target().host()));

        String out = run("\n/cfcheck help\nexample.com fresh\r\n/cfcheck bad..name!\nexit\nexample.org\n", checks);

        assertThat(out).startsWith("cfcheck tells which Cloudflare error");
        assertThat(out).contains("checking example.com…\n✔ 200  Healthy  [ok, HEALTHY]\n").contains("cfcheck: not a domain name");
        assertThat(out).doesNotContain("example.org");
        assertThat(checks.requests()).hasSize(1);
        assertThat(checks.requests().get(0).fresh()).isTrue();
    }

    @Test
    void aLineThatBreaksInsideCfcheckIsOneLineAndTheConsoleKeepsReading() throws Exception {
        ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.healthy(r.target().host()));
        TargetValidator brittle = input -> {
            if (input.startsWith("boom")) {
                throw new IllegalStateException("validator bug at dev.cfcheck.Secret.line(42)");
            }
            return TestInputs.TARGETS.validate(input);
        };

        String out = run("boom.example\nexample.com\n", checks, brittle);

        assertThat(out).startsWith("cfcheck: Sorry, cfcheck could not handle that. Please try again.\nchecking example.com…\n")
                .doesNotContain("Secret").doesNotContain("IllegalStateException");
        assertThat(checks.requests()).hasSize(1);
    }

    @Test
    void anEndlessLineIsCutNotBuffered() throws Exception {
        ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.healthy(r.target().host()));

        String out = run("x".repeat(100_000), checks);

        assertThat(out).isEqualTo("cfcheck: that command is too long (" + ConsoleAdapter.MAX_LINE + " characters, at most 2000). Try /cfcheck help.\n");
    }
}
