package dev.cfcheck.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private final KnowledgeBase kb = KnowledgeBase.load();

    /** Values the Diagnoser always sets, whatever the probes saw; any other placeholder in prose needs a fallback. */
    private static final Set<Placeholder> ALWAYS_SET = EnumSet.of(Placeholder.HOST, Placeholder.PATH, Placeholder.URL,
            Placeholder.PORT, Placeholder.ORIGIN_PORT, Placeholder.IP, Placeholder.ZONE, Placeholder.CODE, Placeholder.CODE_NAME,
            Placeholder.CODE_MEANING, Placeholder.SLOW_THRESHOLD, Placeholder.CERT_THRESHOLD, Placeholder.DEADLINE);

    @Test
    void everyKindHasAnEntryWithSeverityRankTitleSummaryAndSteps() {
        for (Kind kind : Kind.values()) {
            KindKnowledge k = kb.kind(kind);
            assertThat(k).as("%s", kind).isNotNull();
            assertThat(k.severity()).as("%s severity", kind).isIn((Object[]) Severity.values());
            assertThat(k.title().source()).as("%s title", kind).isNotBlank();
            assertThat(k.summary().source()).as("%s summary", kind).isNotBlank();
            assertThat(k.steps()).as("%s steps", kind).isNotEmpty();
            k.steps().forEach(s -> assertThat(s.text().source()).isNotBlank());
        }
    }

    @Test
    void ranksAreDistinctAndOrderTheBigFailuresFirst() {
        assertThat(Stream.of(Kind.values()).map(k -> kb.kind(k).rank()).distinct().count()).isEqualTo(Kind.values().length);
        assertThat(kb.kind(Kind.DNS_FAILURE).rank()).isGreaterThan(kb.kind(Kind.EDGE_UNREACHABLE).rank());
        assertThat(kb.kind(Kind.ORIGIN_TIMEOUT).rank()).isGreaterThan(kb.kind(Kind.CERT_EXPIRING).rank());
        assertThat(kb.kind(Kind.CERT_EXPIRING).rank()).isGreaterThan(kb.kind(Kind.HEALTHY).rank());
        // HEALTHY is the lowest verdict; only notes about cfcheck's own lookups rank below it (never a verdict).
        assertThat(Stream.of(Kind.values()).filter(k -> k != Kind.CLOUDFLARE_API).mapToInt(k -> kb.kind(k).rank()).min()
                .orElseThrow()).isEqualTo(kb.kind(Kind.HEALTHY).rank());
        assertThat(kb.kind(Kind.CLOUDFLARE_API).rank()).isLessThan(kb.kind(Kind.HEALTHY).rank());
    }

    @Test
    void severitiesFollowTheIssue() {
        assertThat(kb.kind(Kind.HEALTHY).severity()).isEqualTo(Severity.OK);
        assertThat(kb.kind(Kind.SLOW_RESPONSE).severity()).isEqualTo(Severity.WARNING);
        assertThat(kb.kind(Kind.CERT_EXPIRING).severity()).isEqualTo(Severity.WARNING);
        assertThat(kb.kind(Kind.CHALLENGE).severity()).isIn(Severity.INFO, Severity.WARNING);
        for (Kind k : List.of(Kind.ORIGIN_UNKNOWN_RESPONSE, Kind.ORIGIN_REFUSED, Kind.ORIGIN_TIMEOUT,
                Kind.ORIGIN_UNREACHABLE, Kind.RESPONSE_TIMEOUT, Kind.TLS_HANDSHAKE, Kind.TLS_CERTIFICATE,
                Kind.CLOUDFLARE_ERROR, Kind.ORIGIN_DNS_ERROR, Kind.DNS_FAILURE, Kind.EDGE_UNREACHABLE)) {
            assertThat(kb.kind(k).severity()).as("%s", k).isEqualTo(Severity.CRITICAL);
        }
    }

    @Test
    void everyCloudflareCodeTheIssueNamesHasAnEntryLeadingToTheRightKind() {
        List<String> cf = new ArrayList<>(List.of("500", "502", "503", "504", "527", "530", "1101", "1102", "1200",
                "1033", "1016", "1015", "1020"));
        for (int c = 520; c <= 526; c++) {
            cf.add(String.valueOf(c));
        }
        for (int c = 1000; c <= 1016; c++) {
            cf.add(String.valueOf(c));
        }
        for (String code : cf) {
            assertThat(kb.code(code)).as("code %s", code).isPresent();
        }
        assertThat(kb.kindOfCode("522")).isEqualTo(Kind.ORIGIN_TIMEOUT);
        assertThat(kb.kindOfCode("525")).isEqualTo(Kind.TLS_HANDSHAKE);
        assertThat(kb.kindOfCode("526")).isEqualTo(Kind.TLS_CERTIFICATE);
        assertThat(kb.kindOfCode("1016")).isEqualTo(Kind.ORIGIN_DNS_ERROR);
        assertThat(kb.kindOfCode("1033")).isEqualTo(Kind.ORIGIN_DNS_ERROR);
        assertThat(kb.kindOfCode("1001")).isEqualTo(Kind.ORIGIN_DNS_ERROR);
        assertThat(kb.kindOfCode("530")).isEqualTo(Kind.ORIGIN_DNS_ERROR);
        for (String blocked : List.of("403", "1005", "1006", "1007", "1008", "1009", "1010", "1011", "1012", "1015", "1020")) {
            assertThat(kb.kindOfCode(blocked)).as(blocked).isEqualTo(Kind.BLOCKED_BY_CLOUDFLARE);
        }
        for (String other : List.of("527", "1000", "1002", "1003", "1004", "1101", "1102", "1200", "1999")) {
            assertThat(kb.kindOfCode(other)).as(other).isEqualTo(Kind.CLOUDFLARE_ERROR);
        }
        for (String dns : List.of("NXDOMAIN", "SERVFAIL", "REFUSED", "NODATA", "TIMEOUT", "ERROR")) {
            assertThat(kb.kindOfCode(dns)).as(dns).isEqualTo(Kind.DNS_FAILURE);
        }
    }

    @Test
    void everyCodeEntryHasMeaningAndSomethingToDo() {
        for (CodeKnowledge c : kb.codes()) {
            assertThat(c.name().source()).as("%s name", c.code()).isNotBlank();
            assertThat(c.meaning().source()).as("%s meaning", c.code()).isNotBlank();
            assertThat(c.steps().isEmpty() && kb.kind(c.kind()).steps().isEmpty()).as("%s has steps", c.code()).isFalse();
        }
    }

    @Test
    void everyPlaceholderIsKnownAndProseOnesAreAlwaysSetOrHaveAFallback() {
        List<TextTemplate> prose = new ArrayList<>();
        List<CommandTemplate> commands = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            KindKnowledge k = kb.kind(kind);
            prose.add(k.title());
            prose.add(k.summary());
            collect(k.steps(), prose, commands);
            for (KindKnowledge.Variant v : k.variants().values()) {
                if (v.title() != null) {
                    prose.add(v.title());
                }
                if (v.summary() != null) {
                    prose.add(v.summary());
                }
                collect(v.steps(), prose, commands);
            }
        }
        for (CodeKnowledge c : kb.codes()) {
            prose.add(c.name());
            prose.add(c.meaning());
            collect(c.steps(), prose, commands);
        }
        prose.add(kb.originUnknownNotice());
        prose.add(kb.inferredNotice());
        collect(List.of(kb.originUnknownStep()), prose, commands);

        assertThat(commands).isNotEmpty();
        for (TextTemplate t : prose) {
            for (Placeholder p : t.placeholders()) {
                assertThat(ALWAYS_SET.contains(p) || kb.fallbacks().containsKey(p))
                        .as("{%s} in \"%s\" is always set or has a fallback", p.templateName(), t.source()).isTrue();
            }
        }
        // Parsing already refused unknown names; check the commands never lean on prose-only values.
        for (CommandTemplate c : commands) {
            assertThat(c.placeholders()).as(c.source())
                    .doesNotContain(Placeholder.CODE_MEANING, Placeholder.CODE_NAME, Placeholder.SSL_MODE);
        }
    }

    @Test
    void theIssuesCommandsAreAllThere() {
        List<String> sources = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            kb.kind(kind).steps().forEach(s -> sources.add(s.command() == null ? "" : s.command().source()));
            kb.kind(kind).variants().values().forEach(v ->
                    v.steps().forEach(s -> sources.add(s.command() == null ? "" : s.command().source())));
        }
        kb.codes().forEach(c -> c.steps().forEach(s -> sources.add(s.command() == null ? "" : s.command().source())));
        String all = String.join("\n", sources);
        assertThat(all)
                .contains("curl -sv --resolve {host}:{port}:{ip} {url}")
                .contains("curl -sv -o /dev/null -H 'Host: {host}' http://{ip}{path}")
                .contains("openssl s_client -connect {ip}:{originPort} -servername {host}")
                .contains("| openssl x509 -noout -dates -subject -issuer")
                .contains("dig +short {host} A")
                .contains("dig +short NS {zone}")
                .contains("ss -tlnp")
                .contains("ufw allow")
                .contains("iptables -I INPUT")
                .contains("nft insert rule")
                .contains("/var/log/nginx/error.log")
                .contains("/var/log/apache2/error.log")
                .contains("journalctl -u caddy")
                .contains("curl -s https://{host}/cdn-cgi/trace")
                .contains("\"value\":\"full\"")
                .contains("\"value\":\"strict\"")
                .contains("\"value\":\"flexible\"");
    }

    @Test
    void everyVariantTheRulesAskForExists() {
        Map<Kind, List<String>> asked = Map.ofEntries(Map.entry(Kind.HEALTHY, List.of("originFiltered")),
                Map.entry(Kind.ORIGIN_HTTP_ERROR, List.of("client-error", "direct", "direct-client-error")),
                Map.entry(Kind.EDGE_UNREACHABLE, List.of("httpsOnly", "httpOnly")),
                Map.entry(Kind.ORIGIN_TIMEOUT, List.of("disagreement")),
                Map.entry(Kind.ORIGIN_REFUSED, List.of("disagreement")),
                Map.entry(Kind.ORIGIN_UNREACHABLE, List.of("disagreement")),
                Map.entry(Kind.TLS_HANDSHAKE, List.of("flexible", "full", "strict")),
                Map.entry(Kind.TLS_CERTIFICATE, List.of("flexible", "full", "strict")),
                Map.entry(Kind.REDIRECT_LOOP, List.of("flexible")),
                Map.entry(Kind.CERT_EXPIRING, List.of("origin", "edge")),
                Map.entry(Kind.NOT_ON_CLOUDFLARE, List.of("dns-only")));
        asked.forEach((kind, keys) -> assertThat(kb.kind(kind).variants()).as("%s", kind).containsKeys(keys.toArray(String[]::new)));
    }

    @Test
    void aBrokenFileFailsNamingTheEntry() {
        assertThatThrownBy(() -> parse(bundled().replace("  SLOW_RESPONSE:", "  SLOW_RESPONSES:")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("SLOW_RESPONSES");
        assertThatThrownBy(() -> parse(bundled().replace("- use: route", "- use: rout")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown shared step 'rout'");
        assertThatThrownBy(() -> parse(bundled().replace("mtr -rwbzc 20 {ip}", "mtr {ipp}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{ipp}");
        assertThatThrownBy(() -> parse(bundled().replace("    rank: 30\n", "    rank: 35\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ranks must differ");
        assertThatThrownBy(() -> parse(bundled().replace("    severity: warning\n    rank: 30", "    severity: dire\n    rank: 30")))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static void collect(List<StepTemplate> steps, List<TextTemplate> prose, List<CommandTemplate> commands) {
        for (StepTemplate s : steps) {
            prose.add(s.text());
            if (s.command() != null) {
                commands.add(s.command());
            }
        }
    }

    private static String bundled() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnowledgeBase parse(String yaml) {
        return KnowledgeBase.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
