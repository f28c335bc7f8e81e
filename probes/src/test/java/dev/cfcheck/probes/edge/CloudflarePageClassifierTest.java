package dev.cfcheck.probes.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.edge.CloudflarePage.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudflarePageClassifierTest {

    /** What every response through the edge carries, origin page or not: proves nothing by itself. */
    private static final Headers PROXIED = Headers.of("server", "cloudflare", "cf-ray", "a23c92d51bc8a952-DTW");

    private final CloudflarePageClassifier classifier = new CloudflarePageClassifier();

    static String page(String name) {
        try (InputStream in = CloudflarePageClassifierTest.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test page " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every page of ../shared/cloudflare/pages (real captures), with what it must be read as. */
    static Stream<Arguments> realPages() {
        return Stream.of(
                Arguments.of("520-supabase-nhl-cronlog.html", 520, Type.ERROR, "520",
                        "fyhftlxokyjtpndbkfse.supabase.co | 520: Web server is returning an unknown error",
                        "9df824fdc71541c0"),
                Arguments.of("521-llamarpc-codexlog.html", 521, Type.ERROR, "521",
                        "llamarpc.com | 521: Web server is down", "a345fe00f83b4a13"),
                Arguments.of("522-supabase-nhl-cronlog.html", 522, Type.ERROR, "522",
                        "fyhftlxokyjtpndbkfse.supabase.co | 522: Connection timed out", "9df84e5407525930"),
                Arguments.of("524-neuoptic-playwright.html", 524, Type.ERROR, "524",
                        "neuoptic.in | 524: A timeout occurred", "a1cf11b98f721195"),
                Arguments.of("525-llamarpc-codexlog.html", 525, Type.ERROR, "525",
                        "llamarpc.com | 525: SSL handshake failed", "a39f592339e4f1e6"),
                Arguments.of("1101-www.cloudflare.com-mikrotik-iplist.html", 500, Type.ERROR, "1101",
                        "Worker threw exception | www.cloudflare.com | Cloudflare", "71eadd70a9149658"),
                // The footer Ray ID of this sample was edited by its authors into non-hex ("...29eg30f8d"):
                // the heading's is the one read.
                Arguments.of("1006-codemanki-access_denied.html", 403, Type.BLOCKED, "1006",
                        "Access denied | site.com used CloudFlare to restrict access", "19400a3d29e30f8d"),
                // Its only Ray ID has 15 hex digits: not a Ray ID, so none is reported.
                Arguments.of("challenge-captcha-legacy-codemanki.html", 403, Type.CHALLENGE, null,
                        "Attention Required! | CloudFlare", null),
                // Carries <span class="cf-error-code">1020</span> inside its obfuscated script: still a challenge.
                Arguments.of("challenge-jschl-2020-venomous.html", 503, Type.CHALLENGE, null,
                        "Just a moment...", "599a6dccbf9bfb84"),
                Arguments.of("challenge-jschl-iuam-2019-codemanki.html", 503, Type.CHALLENGE, null,
                        "Just a moment...", "53cb1af29bc6c2d6"),
                Arguments.of("challenge-managed-2021-venomous.html", 403, Type.CHALLENGE, null,
                        "Please Wait... | Cloudflare", "6a78c4578ea0435d"),
                Arguments.of("challenge-managed-2022-alchemy-wonderland.html", 403, Type.CHALLENGE, null,
                        "Just a moment...", "7701f27c1e1cb980"),
                // Its authors zeroed every Ray ID on it: a placeholder, not a Ray ID.
                Arguments.of("challenge-recaptcha-2019-04-venomous.html", 403, Type.CHALLENGE, null,
                        "Attention Required! | Cloudflare", null),
                Arguments.of("challenge-recaptcha-2019-codemanki.html", 403, Type.CHALLENGE, null,
                        "Attention Required! | Cloudflare", "53dfe8147d2a9e73"),
                // The main.css 1xxx template: the code is a bare <span>1015</span> beside "Error", sent with 429.
                Arguments.of("1015-coingecko-2022-telliot.html", 429, Type.BLOCKED, "1015",
                        "Access denied | api.coingecko.com used Cloudflare to restrict access", "6fe62dfef8545773"),
                Arguments.of("1003-direct-ip-2020-shodan-dashboard.html", 403, Type.ERROR, "1003",
                        "Direct IP access not allowed | Cloudflare", "5d9caf07ac20d386"),
                Arguments.of("1003-plain-text-2020-shodan-dashboard.txt", 403, Type.ERROR, "1003", null, null),
                // The errors.css template: <span class="code-label">Error code <span>1020</span></span>.
                Arguments.of("1020-firewall-2022-harness-core-ui.html", 403, Type.BLOCKED, "1020",
                        "Access denied", "74010bfafc5c1d24"),
                Arguments.of("1011-hotlinking-2018-kejyun.html", 403, Type.BLOCKED, "1011",
                        "Access denied | kj.com used Cloudflare to restrict hotlinking", "47fd22f6ead62e09"),
                // The bare nginx-style page with "cloudflare" under the rule: Cloudflare's refusal, code from its title.
                Arguments.of("403-unbranded-cloudflare-2020-shodan-dashboard.html", 403, Type.BLOCKED, "403",
                        "403 Forbidden", null),
                Arguments.of("403-waf-blocked-2023-zrobank-docs.html", 403, Type.BLOCKED, null,
                        "Attention Required! | Cloudflare", "7c432f92bffa2596"),
                // The origin's 502 re-branded by Cloudflare (host box marked as the error source): Cloudflare wrote it.
                Arguments.of("502-host-error-2025-hashio-dynamica.html", 502, Type.ERROR, "502",
                        "testnet.hashio.io | 502: Bad gateway", "963c71353b9f129f"),
                // A site's own IUAM page: the jschl form inside makes it Cloudflare's challenge.
                Arguments.of("challenge-iuam-custom-2015-kissmanga-codemanki.html", 503, Type.CHALLENGE, null,
                        "Loading... please wait 5 seconds", null),
                // Its footer Ray ID was zeroed by the fixture's authors; the captcha's data-ray is the real one.
                Arguments.of("challenge-captcha-2019-12-venomous.html", 403, Type.CHALLENGE, null,
                        "Attention Required! | Cloudflare", "543afc2cfa44ee9a"));
    }

    /** Pages built from the markers of headers-and-markers.md for the codes no real capture exists for. */
    static Stream<Arguments> syntheticPages() {
        return Stream.of(
                Arguments.of("synthetic/523-origin-unreachable.html", 523, Type.ERROR, "523",
                        "shop.example.test | 523: Origin is unreachable", "8f1c2a3b4d5e6f70"),
                Arguments.of("synthetic/526-invalid-ssl-certificate.html", 526, Type.ERROR, "526",
                        "shop.example.test | 526: Invalid SSL certificate", "a23c92d51bc8a952"),
                Arguments.of("synthetic/527-railgun-error.html", 527, Type.ERROR, "527",
                        "shop.example.test | 527: Railgun Listener to origin error", "0123456789abcdef"),
                // 530 is only the status: the 1xxx code in the body is what tells origin DNS (1016) apart.
                Arguments.of("synthetic/530-1016-origin-dns-error.html", 530, Type.ERROR, "1016",
                        "Origin DNS error | shop.example.test | Cloudflare", "7c0ffee0c0ffee01"),
                Arguments.of("synthetic/1020-access-denied.html", 403, Type.BLOCKED, "1020",
                        "Access denied | shop.example.test used Cloudflare to restrict access", "9a8b7c6d5e4f3a2b"),
                Arguments.of("synthetic/1015-rate-limited.html", 429, Type.BLOCKED, "1015",
                        "Access denied | shop.example.test used Cloudflare to restrict access", "1b2c3d4e5f6a7b8c"),
                // Same title as the captcha challenge; the headline makes it a block.
                Arguments.of("synthetic/blocked-waf-sorry-you-have-been-blocked.html", 403, Type.BLOCKED, null,
                        "Attention Required! | Cloudflare", "5e6f7a8b9c0d1e2f"),
                Arguments.of("synthetic/1020-plain-text.txt", 403, Type.BLOCKED, "1020", null, null),
                Arguments.of("synthetic/1015-plain-text.txt", 429, Type.BLOCKED, "1015", null, null),
                Arguments.of("synthetic/1015-problem.json", 429, Type.BLOCKED, "1015",
                        "Error 1015: You are being rate limited", "6d5c4b3a29181706"),
                Arguments.of("synthetic/522-problem.json", 522, Type.ERROR, "522",
                        "Error 522: Connection timed out", "a23c92d51bc8a952"),
                // The Markdown document (Accept: text/markdown): YAML front matter, then "# Error NNN: ...".
                Arguments.of("synthetic/522-problem.md", 522, Type.ERROR, "522",
                        "Error 522: Connection timed out", "9f140b785e57c458"),
                Arguments.of("synthetic/1015-problem.md", 429, Type.BLOCKED, "1015",
                        "Error 1015: You are being rate limited", "6d5c4b3a29181706"),
                Arguments.of("synthetic/502-unbranded-cloudflare.html", 502, Type.ERROR, "502",
                        "502 Bad Gateway", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"realPages", "syntheticPages"})
    void readsCloudflareGeneratedPage(String file, int status, Type type, String code, String title, String rayId) {
        CloudflarePage page = classifier.classify(status, PROXIED, page(file));

        assertThat(page).isEqualTo(new CloudflarePage(type, code, title, rayId));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("originPages")
    void passesOriginPageThroughUnclassified(String file, int status) {
        assertThat(classifier.classify(status, PROXIED, page(file))).isNull();
    }

    static Stream<Arguments> originPages() {
        return Stream.of(
                Arguments.of("origin/nginx-502.html", 502),
                Arguments.of("origin/app-500-mentions-cloudflare.html", 500),
                Arguments.of("origin/app-503-maintenance.html", 503),
                // Quotes Cloudflare's markup escaped in text and a cf-error-code inside a script.
                Arguments.of("origin/blog-quoting-cloudflare-markup.html", 200),
                // "Just a moment..." as an app's loading screen, served 200: not a challenge.
                Arguments.of("origin/app-loading-just-a-moment.html", 200),
                // ...nor as its maintenance page served 503, without a challenge token or form.
                Arguments.of("origin/app-503-just-a-moment.html", 503),
                // The origin's own 403 with the jsd script Cloudflare injects into pages it passes through
                // (/cdn-cgi/challenge-platform/scripts/jsd/main.js) and a bare <span>403</span> beside "Error".
                Arguments.of("origin/app-403-with-injected-jsd-script.html", 403),
                // A challenge token echoed in a URL and a "Ray ID:" in prose: no template, no challenge.
                Arguments.of("origin/app-404-echoes-challenge-token.html", 404),
                Arguments.of("origin/nginx-403.html", 403),
                // An API's own JSON and a docs page in Markdown: no cloudflare_error: true.
                Arguments.of("origin/api-429-json.json", 429),
                Arguments.of("origin/docs-markdown-about-1015.md", 200),
                Arguments.of("origin/docs-markdown-about-1015.md", 429),
                // Cloudflare's own pages served with a success status are an origin mimicking them (or quoting them).
                Arguments.of("1015-coingecko-2022-telliot.html", 200),
                Arguments.of("synthetic/1015-problem.json", 200),
                Arguments.of("challenge-managed-2022-alchemy-wonderland.html", 200));
    }

    @Test
    void cfMitigatedChallengeHeaderDecidesWhateverTheBody() {
        Headers headers = PROXIED.newBuilder().add("cf-mitigated", "challenge").build();

        CloudflarePage page = classifier.classify(403, headers, "<html><title>Checking &amp; verifying</title></html>");

        assertThat(page).isEqualTo(new CloudflarePage(Type.CHALLENGE, null, "Checking & verifying", null));
    }

    @Test
    void cfErrorTypeHeaderMarksCustomErrorPageAsCloudflares() {
        Headers headers = PROXIED.newBuilder().add("cf-error-type", "1016").build();

        CloudflarePage page = classifier.classify(530, headers, "<html><title>We are sorry</title><p>Custom page</p></html>");

        assertThat(page).isEqualTo(new CloudflarePage(Type.ERROR, "1016", "We are sorry", null));
    }

    @Test
    void cfErrorTypeFamilyIpBanIsBlock() {
        Headers headers = PROXIED.newBuilder().add("cf-error-type", "ip_ban").build();

        assertThat(classifier.classify(403, headers, "<p>Nope</p>"))
                .isEqualTo(new CloudflarePage(Type.BLOCKED, null, null, null));
    }

    @Test
    void cloudflareOnlyStatusBehindCustomErrorPageIsCloudflareError() {
        CloudflarePage page = classifier.classify(522, PROXIED, "<html><title>Shop offline</title></html>");

        assertThat(page).isEqualTo(new CloudflarePage(Type.ERROR, "522", "Shop offline", null));
    }

    @Test
    void cloudflareOnlyStatusFromServerThatIsNotCloudflareIsOrigins() {
        Headers origin = Headers.of("server", "nginx");

        assertThat(classifier.classify(522, origin, "<html><title>Shop offline</title></html>")).isNull();
    }

    @Test
    void jsonThatIsNotACloudflareProblemDocumentIsOrigins() {
        assertThat(classifier.classify(500, PROXIED, "{\"cloudflare_error\": false, \"error_code\": 1020}")).isNull();
        assertThat(classifier.classify(500, PROXIED, "{\"error\": \"cloudflare_error is not set\"")).isNull();
    }

    @Test
    void hostileTitleIsSanitised() {
        String body = "<html><head><title>  shop | 522: <b>Conn</b>&#x202E;ection\u0000 &lt;script&gt;x&lt;/script&gt;\n\t timed"
                + " out" + "!".repeat(300) + "</title></head><body>"
                + "<div id=\"cf-error-details\"><span class=\"code-label\">Error code 522</span></div></body></html>";

        CloudflarePage page = classifier.classify(522, PROXIED, body);

        assertThat(page.code()).isEqualTo("522");
        assertThat(page.title())
                .startsWith("shop | 522: Conn ection <script>x</script> timed out!!!")
                .endsWith("\u2026")
                .hasSizeLessThanOrEqualTo(HtmlText.MAX_LENGTH)
                .doesNotContain("\u202E", "\u0000", "\n", "\t", "  ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<html></html>", "error code: abc", "error code: 1020 and more text",
            "---\nerror_code: 1020\ncloudflare_error: true\n", "---\ncloudflare_error: false\nerror_code: 1020\n---\n"})
    void bodiesWithoutMarkersAreNotClassified(String body) {
        assertThat(classifier.classify(200, PROXIED, body)).isNull();
        assertThat(classifier.classify(403, PROXIED, body)).isNull();
    }

    @Test
    void rateLimitPageSentWith429IsCloudflaresNotTheOrigins() {
        // The edge's 429 with Cloudflare's 1015 page: a block by the site's rate limiting rule, not the origin's 429.
        Headers headers = PROXIED.newBuilder().add("retry-after", "30").build();

        CloudflarePage page = classifier.classify(429, headers, page("1015-coingecko-2022-telliot.html"));

        assertThat(page.type()).isEqualTo(Type.BLOCKED);
        assertThat(page.code()).isEqualTo("1015");
    }

    @Test
    void problemDocumentWithoutErrorCodeTakesItsTitlesCodeAndInstanceAsRayId() {
        String json = "{\"title\": \"Error 1020: Access denied\", \"status\": 403, \"instance\": \"9F140B785E57C458\","
                + " \"cloudflare_error\": true}";

        assertThat(classifier.classify(403, PROXIED, json))
                .isEqualTo(new CloudflarePage(Type.BLOCKED, "1020", "Error 1020: Access denied", "9f140b785e57c458"));
    }

    @Test
    void problemDocumentWithoutAnyCodeTakesItsStatus() {
        assertThat(classifier.classify(502, PROXIED, "{\"cloudflare_error\": true, \"status\": 504}"))
                .isEqualTo(new CloudflarePage(Type.ERROR, "504", null, null));
    }

    @Test
    void markdownDocumentWithoutHeadingStillGivesItsCode() {
        String md = "---\nerror_code: 1101\ncloudflare_error: true\nray_id: not-a-ray\n---\n\nSomething else.\n";

        assertThat(classifier.classify(500, PROXIED, md)).isEqualTo(new CloudflarePage(Type.ERROR, "1101", null, null));
    }

    @Test
    void templateWhoseCodeCannotBeReadIsStillCloudflaresForItsStatus() {
        // A template variant not seen yet: the scaffolding and the Ray ID line, no code marker known here.
        String body = "<html><head><title>Something went wrong | Cloudflare</title>"
                + "<link rel=\"stylesheet\" href=\"/cdn-cgi/styles/main.css\" /></head><body><div id=\"cf-wrapper\">"
                + "<h1>Oops <em>1234</em></h1><p>Cloudflare Ray ID: <strong>0123456789abcdef</strong></p></div></body></html>";

        assertThat(classifier.classify(503, PROXIED, body))
                .isEqualTo(new CloudflarePage(Type.ERROR, "503", "Something went wrong | Cloudflare", "0123456789abcdef"));
    }

    @Test
    void blockedHeadlineInAnOriginsOwnPageIsNotCloudflares() {
        String body = "<html><title>Forum</title><p>I keep getting \"Sorry, you have been blocked\" with Ray ID:"
                + " 8f1e2d3c4b5a6978, and your own firewall says 403.</p></html>";

        assertThat(classifier.classify(403, PROXIED, body)).isNull();
    }

    @Test
    void bareCodeSpanCountsOnlyInsideTheTemplate() {
        String origin = "<html><title>Oops</title><h1><span>Error</span> <span>1020</span></h1></html>";
        String template = "<html><title>Access denied</title><div id=\"cf-wrapper\"><h1><span data-translate=\"error\">"
                + "Error</span>\n  <span>1020</span></h1></div></html>";

        assertThat(classifier.classify(403, PROXIED, origin)).isNull();
        assertThat(classifier.classify(403, PROXIED, template))
                .isEqualTo(new CloudflarePage(Type.BLOCKED, "1020", "Access denied", null));
    }

    @Test
    void nullBodyIsNotClassified() {
        assertThat(classifier.classify(200, PROXIED, null)).isNull();
    }

    @Test
    void markersPastTheBodyLimitAreNotRead() {
        String body = " ".repeat(CloudflarePageClassifier.MAX_BODY_CHARS)
                + "<div id=\"cf-error-details\"><span class=\"code-label\">Error code 522</span></div>";

        assertThat(classifier.classify(502, PROXIED, body)).isNull();
    }

    @Test
    void bodyFullOfHalfMarkersIsReadToTheEnd() {
        // Unterminated markers, thousands of times: every pattern's repetition is bounded, so this stays linear.
        String body = ("<span class=\"code-label\" <span class=\"cf-error-code\" Ray ID: <strong <title "
                + "<hr <center> >Error </span> <span >Error code <span ").repeat(CloudflarePageClassifier.MAX_BODY_CHARS / 120);

        assertThat(classifier.classify(502, PROXIED, body)).isNull();
    }

    @Test
    void documentsFullOfHalfMarkersAreReadToTheEnd() {
        String frontMatter = "---\n" + "error_code: 1020\n".repeat(CloudflarePageClassifier.MAX_BODY_CHARS / 20);
        String json = "{\"cloudflare_error\": true, \"a\": " + "[".repeat(CloudflarePageClassifier.MAX_BODY_CHARS / 2);

        assertThat(classifier.classify(403, PROXIED, frontMatter)).isNull();
        assertThat(classifier.classify(403, PROXIED, json)).isNull();
    }

    @Test
    void cfErrorTypeCodeWinsOverTheTitle() {
        Headers headers = PROXIED.newBuilder().add("cf-error-type", "1016").build();

        CloudflarePage page = classifier.classify(530, headers, "<title>shop.example.test | 530: Origin DNS error</title>");

        assertThat(page.code()).isEqualTo("1016");
    }

    @Test
    void unclosedScriptHidesTheRestOfThePage() {
        String body = "<div id=\"cf-wrapper\"><script>var s = '<span class=\"cf-error-code\">1020</span>';";

        assertThat(classifier.classify(403, PROXIED, body)).isNull();
    }
}
