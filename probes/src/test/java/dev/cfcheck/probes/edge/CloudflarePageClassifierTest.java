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
                        "Attention Required! | Cloudflare", "53dfe8147d2a9e73"));
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
                Arguments.of("origin/app-loading-just-a-moment.html", 200));
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
    @ValueSource(strings = {"", "   ", "<html></html>", "error code: abc", "error code: 1020 and more text"})
    void bodiesWithoutMarkersAreNotClassified(String body) {
        assertThat(classifier.classify(200, PROXIED, body)).isNull();
    }

    @Test
    void nullBodyIsNotClassified() {
        assertThat(classifier.classify(200, PROXIED, null)).isNull();
    }

    @Test
    void markersPastTheBodyLimitAreNotRead() {
        String body = " ".repeat(CloudflarePageClassifier.MAX_BODY_CHARS)
                + "<div id=\"cf-error-details\"><span class=\"code-label\">Error code 522</span></div>";

        assertThat(classifier.classify(200, PROXIED, body)).isNull();
    }

    @Test
    void bodyFullOfHalfMarkersIsReadToTheEnd() {
        // Unterminated markers, thousands of times: every pattern's repetition is bounded, so this stays linear.
        String body = ("<span class=\"code-label\" <span class=\"cf-error-code\" Ray ID: <strong <title "
                + "<hr <center> ").repeat(CloudflarePageClassifier.MAX_BODY_CHARS / 90);

        assertThat(classifier.classify(502, PROXIED, body)).isNull();
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

        assertThat(classifier.classify(200, PROXIED, body)).isNull();
    }
}
