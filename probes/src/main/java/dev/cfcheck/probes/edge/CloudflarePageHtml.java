package dev.cfcheck.probes.edge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTML body, read for the markers of Cloudflare's own page templates. The generations seen in the wild
 * (shared {@code headers-and-markers.md} and the real pages of {@code shared/cloudflare/pages/}):
 * <ul>
 *   <li>legacy cf.errors.css (to ~2020): {@code <span class="cf-error-code">1006</span>}, {@code heading-ray-id};
 *   <li>main.css 1xxx (2020-2024): {@code <span data-translate="error">Error</span> <span>1015</span>} inside
 *       {@code cf-wrapper}/{@code cf-error-details}, "Cloudflare Ray ID" footer;
 *   <li>errors.css (2022+): {@code <span class="code-label">Error code <span>1020</span></span>};
 *   <li>modern 5xx (2023+): {@code <span class="code-label">Error code 522</span>}, "{zone} | 522: ..." title;
 *   <li>the WAF block "Sorry, you have been blocked", the bare nginx-style {@code <center>cloudflare</center>} page;
 *   <li>challenges 2014-2022: IUAM/jschl forms ({@code cf-browser-verification}, {@code jschl_answer}), captcha
 *       ({@code /cdn-cgi/l/chk_captcha}, {@code __cf_chl_captcha_tk__}), managed ({@code window._cf_chl_opt},
 *       {@code /cdn-cgi/challenge-platform/.../orchestrate/}).
 * </ul>
 * Error markers count only outside {@code <script>} elements (the 2020 IUAM page hides a literal
 * {@code cf-error-code">1020<} in its script). Every open-ended repetition is bounded, so a hostile body full of
 * half markers costs linear time. Immutable.
 */
final class CloudflarePageHtml {

    // The code beside "Error": each template generation's own form.
    private static final List<Pattern> TEMPLATE_CODE = List.of(
            // modern 5xx "Error code 522" and errors.css "Error code <span>1020</span>"
            Pattern.compile("class=\"code-label\"[^>]{0,200}>\\s*Error code\\s*(?:<span\\b[^>]{0,200}>\\s*)?(\\d{3,4})\\s*<"),
            // legacy cf.errors.css
            Pattern.compile("class=\"cf-error-code\"[^>]{0,200}>\\s*(\\d{3,4})\\s*<"),
            // main.css 1xxx: <span data-translate="error">Error</span> <span>1015</span>
            Pattern.compile(">\\s*Error\\s*</span>\\s*<span\\b[^>]{0,200}>\\s*(\\d{3,4})\\s*</span>"));
    private static final Pattern TITLE_CODE = Pattern.compile("^[^|]*\\| (\\d{3}): ");
    private static final Pattern LANDING_CODE =
            Pattern.compile("utm_source=(?:errorcode_(\\d{3,4})\\b|(\\d{4})_error\\b)");
    /** The bare nginx-style page Cloudflare serves for some refusals and 5xx: {@code <hr><center>cloudflare</center>}. */
    private static final Pattern UNBRANDED =
            Pattern.compile("<hr\\s*/?>\\s*<center>\\s*cloudflare(?:-nginx)?\\s*</center>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_STATUS = Pattern.compile("^\\s*(\\d{3})\\b");
    private static final Pattern BLOCKED_HEADLINE = Pattern.compile("Sorry, you have been blocked", Pattern.CASE_INSENSITIVE);

    /** Scaffolding only Cloudflare's error and block templates have. */
    private static final List<String> TEMPLATE_MARKERS = List.of(
            "id=\"cf-error-details\"",
            "id=\"cf-wrapper\"",
            "cf-error-overview",
            "id=\"cf_styles-css\"",
            "/cdn-cgi/styles/main.css",
            "/cdn-cgi/styles/cf.errors.css",
            "/cdn-cgi/styles/errors.css");
    /** The Ray ID line of those templates. */
    private static final List<String> RAY_LINE_MARKERS = List.of("Cloudflare Ray ID", "heading-ray-id", "id=\"plain-ray-id\"");

    /** Markers only Cloudflare's challenge platform emits (inside scripts too). */
    private static final List<String> CHALLENGE_MARKERS = List.of(
            "window._cf_chl_opt",
            "cf-browser-verification",
            "jschl_answer",
            "jschl-answer",
            "/cdn-cgi/l/chk_captcha",
            "/cdn-cgi/styles/challenges.css",
            "__cf_chl_captcha_tk__",
            "__cf_chl_jschl_tk__",
            "__cf_chl_managed_tk__");
    /**
     * The challenge platform's orchestration script. Not the bare {@code /cdn-cgi/challenge-platform/} prefix:
     * Cloudflare injects {@code /cdn-cgi/challenge-platform/scripts/jsd/main.js} into origin pages it passes through.
     */
    private static final Pattern CHALLENGE_ORCHESTRATE =
            Pattern.compile("/cdn-cgi/challenge-platform/(?:h/[a-z]/)?orchestrate/");
    /** Weaker: the token parameters; an origin may echo them in a URL, so they count only with a challenge title. */
    private static final String CHALLENGE_TOKEN = "__cf_chl_";
    /** The challenge titles that name Cloudflare. */
    private static final Pattern CLOUDFLARE_CHALLENGE_TITLE =
            Pattern.compile("^(?:Attention Required!|Please Wait\\.\\.\\.) \\| Cloudflare$", Pattern.CASE_INSENSITIVE);
    /** "Just a moment...": also an app's loading or maintenance screen, so never enough alone. */
    private static final Pattern JUST_A_MOMENT = Pattern.compile("^Just a moment\\.\\.\\.$", Pattern.CASE_INSENSITIVE);

    // Ray ID printed on the page (16 hex; pages never show the colo), most specific forms first.
    private static final List<Pattern> RAY_ID = List.of(
            Pattern.compile("(?i)Ray ID:?\\s*(?:<(?:strong|code|b|span)\\b[^>]{0,200}>\\s*)?([0-9a-f]{16})(?![0-9a-z])"),
            Pattern.compile("cRay:\\s*['\"]([0-9a-f]{16})['\"]"),
            Pattern.compile("data-ray=\"([0-9a-f]{16})\""),
            Pattern.compile("[?&]ray=([0-9a-f]{16})(?![0-9a-z])"));
    private static final String NO_RAY = "0000000000000000";

    private final String raw;
    private final String visible;

    CloudflarePageHtml(String raw) {
        this.raw = raw;
        this.visible = withoutScripts(raw);
    }

    /** The code beside "Error" in one of the error templates, outside scripts; {@code null} when none. */
    String templateCode() {
        for (Pattern p : TEMPLATE_CODE) {
            Matcher m = p.matcher(visible);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Weaker code markers: "{zone} | 522: ..." in the title, the errorcode_NNN / NNNN_error landing links. */
    String secondaryCode() {
        String title = rawTitle();
        if (title != null) {
            Matcher m = TITLE_CODE.matcher(title.strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        Matcher landing = LANDING_CODE.matcher(visible);
        if (landing.find()) {
            return landing.group(1) != null ? landing.group(1) : landing.group(2);
        }
        return null;
    }

    /** Some of the error templates' scaffolding: the details block, the Ray ID line, or their stylesheets. */
    boolean looksLikeTemplate() {
        return hasTemplateScaffolding() || hasRayLine();
    }

    /** Both the templates' scaffolding and their Ray ID line: Cloudflare's page even when no code can be read. */
    boolean isTemplate() {
        return hasTemplateScaffolding() && hasRayLine();
    }

    /** The WAF block page ("Sorry, you have been blocked"); it wears the captcha page's title. */
    boolean isBlockPage() {
        return BLOCKED_HEADLINE.matcher(visible).find() && isTemplate();
    }

    /**
     * The code of the bare {@code <hr><center>cloudflare</center>} page: the number its title starts with
     * ("403 Forbidden"), else {@code fallback}; {@code null} when the body is not that page.
     */
    String unbrandedCode(String fallback) {
        if (!UNBRANDED.matcher(visible).find()) {
            return null;
        }
        String title = title();
        Matcher m = LEADING_STATUS.matcher(title == null ? "" : title);
        return m.find() ? m.group(1) : fallback;
    }

    /** A challenge page of any generation; "Just a moment..." alone is also an app's loading screen, so it needs more. */
    boolean isChallenge() {
        for (String marker : CHALLENGE_MARKERS) {
            if (raw.contains(marker)) {
                return true;
            }
        }
        if (CHALLENGE_ORCHESTRATE.matcher(raw).find()) {
            return true;
        }
        String title = title();
        if (title == null) {
            return false;
        }
        return CLOUDFLARE_CHALLENGE_TITLE.matcher(title).matches()
                || (JUST_A_MOMENT.matcher(title).matches() && raw.contains(CHALLENGE_TOKEN));
    }

    String title() {
        return HtmlText.plain(rawTitle());
    }

    /** The Ray ID printed on the page; an all-zero one (a placeholder, as in edited captures) is none. */
    String rayId() {
        for (Pattern p : RAY_ID) {
            Matcher m = p.matcher(raw);
            while (m.find()) {
                if (!m.group(1).equals(NO_RAY)) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private boolean hasTemplateScaffolding() {
        for (String marker : TEMPLATE_MARKERS) {
            if (visible.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasRayLine() {
        for (String marker : RAY_LINE_MARKERS) {
            if (visible.contains(marker)) {
                return true;
            }
        }
        return RAY_ID.get(0).matcher(visible).find();
    }

    /** The text of the first {@code <title>} element; a title that does not close soon is no title. */
    private String rawTitle() {
        int open = indexOfTag(visible, "<title", 0);
        if (open < 0) {
            return null;
        }
        int start = visible.indexOf('>', open);
        if (start < 0 || start - open > 200) {
            return null;
        }
        int close = indexOfTag(visible, "</title", start);
        if (close < 0 || close - start > 2000) {
            return null;
        }
        return visible.substring(start + 1, close);
    }

    /** The body with every {@code <script>...</script>} element cut out (an unclosed one runs to the end). */
    private static String withoutScripts(String html) {
        StringBuilder out = null;
        int from = 0;
        int open;
        while ((open = indexOfTag(html, "<script", from)) >= 0) {
            if (out == null) {
                out = new StringBuilder(html.length());
            }
            out.append(html, from, open);
            int close = indexOfTag(html, "</script", open);
            if (close < 0) {
                return out.toString();
            }
            int end = html.indexOf('>', close);
            from = end < 0 ? html.length() : end + 1;
        }
        if (out == null) {
            return html;
        }
        out.append(html, from, html.length());
        return out.toString();
    }

    /** The next {@code needle} (which starts with '<'), case-insensitively. */
    private static int indexOfTag(String s, String needle, int from) {
        int last = s.length() - needle.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (s.charAt(i) == '<' && s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
