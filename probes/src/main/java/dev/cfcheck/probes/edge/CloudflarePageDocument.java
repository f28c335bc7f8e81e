package dev.cfcheck.probes.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bodies Cloudflare writes for clients that are not browsers: the RFC 9457 problem document
 * ({@code Accept: application/json}), the Markdown document with YAML front matter ({@code Accept: text/markdown}),
 * both with {@code cloudflare_error: true}, and the bare {@code error code: 1020} text. Cloudflare's docs:
 * {@code fundamentals/reference/error-responses}. Stateless.
 */
final class CloudflarePageDocument {

    /** The plain-text body is 16 characters or so; anything much longer is not that body. */
    private static final int MAX_PLAIN_TEXT = 64;
    /** The front matter has a dozen fields; lines past these limits are not read. */
    private static final int MAX_FRONT_MATTER_LINES = 64;
    private static final int MAX_HEADING_SEARCH_LINES = 16;
    private static final int MAX_LINE = 2000;

    private static final Pattern PLAIN_TEXT_CODE =
            Pattern.compile("\\A\\s*error code: (\\d{3,4})\\s*\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_CODE = Pattern.compile("^Error (\\d{3,4})\\b");
    private static final Pattern CODE = Pattern.compile("\\d{3,4}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    // Jackson's own limits bound a hostile document further (the body is already capped).
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .build();

    private CloudflarePageDocument() {
    }

    /**
     * @param status the response's status, the code of last resort when the document names none
     * @param text   the (capped) body
     * @return the page the document describes, or {@code null} when the body is none of Cloudflare's documents
     */
    static CloudflarePage read(int status, String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return problemDocument(status, trimmed);
        }
        if (trimmed.startsWith("---")) {
            return markdown(status, trimmed);
        }
        if (trimmed.length() <= MAX_PLAIN_TEXT) {
            Matcher plain = PLAIN_TEXT_CODE.matcher(trimmed);
            if (plain.matches()) {
                return CloudflarePage.ofCode(plain.group(1), null, null);
            }
        }
        return null;
    }

    /** The JSON problem document: {@code "cloudflare_error": true}, {@code error_code}, {@code title}, {@code ray_id}. */
    private static CloudflarePage problemDocument(int status, String text) {
        if (!text.contains("cloudflare_error")) {
            return null;
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // not JSON after all: the HTML rules get their turn
        }
        if (doc == null || !doc.isObject() || !doc.path("cloudflare_error").asBoolean(false)) {
            return null;
        }
        String title = doc.path("title").isTextual() ? HtmlText.plain(doc.path("title").asText()) : null;
        String ray = doc.path("ray_id").isValueNode() ? doc.path("ray_id").asText() : doc.path("instance").asText("");
        return page(status, doc.path("error_code").asText(null), title, doc.path("status").asText(null), ray);
    }

    /** The Markdown document: YAML front matter between {@code ---} lines, then {@code # Error 1015: ...}. */
    private static CloudflarePage markdown(int status, String text) {
        Iterator<String> lines = text.lines().iterator();
        lines.next(); // the opening ---
        Map<String, String> fields = new HashMap<>();
        boolean closed = false;
        for (int n = 0; n < MAX_FRONT_MATTER_LINES && lines.hasNext(); n++) {
            String line = lines.next();
            if (line.strip().equals("---")) {
                closed = true;
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.length() <= MAX_LINE) {
                fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), unquoted(line.substring(colon + 1)));
            }
        }
        if (!closed || !"true".equalsIgnoreCase(fields.get("cloudflare_error"))) {
            return null;
        }
        String title = null;
        for (int n = 0; n < MAX_HEADING_SEARCH_LINES && lines.hasNext(); n++) {
            String line = lines.next().strip();
            if (line.startsWith("# ") && line.length() <= MAX_LINE) {
                title = HtmlText.plain(line.substring(2));
                break;
            }
        }
        return page(status, fields.get("error_code"), title, fields.get("status"), fields.get("ray_id"));
    }

    /** The code named by the document, else in its title ("Error 1015: ..."), else its status, else the response's. */
    private static CloudflarePage page(int status, String errorCode, String title, String docStatus, String ray) {
        String code = codeOrNull(errorCode);
        if (code == null && title != null) {
            Matcher m = TITLE_CODE.matcher(title);
            code = m.find() ? m.group(1) : null;
        }
        if (code == null) {
            code = codeOrNull(docStatus);
        }
        if (code == null) {
            code = String.valueOf(status);
        }
        String rayId = ray == null ? "" : ray.strip().toLowerCase(Locale.ROOT);
        return CloudflarePage.ofCode(code, title, HEX16.matcher(rayId).matches() ? rayId : null);
    }

    private static String unquoted(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String codeOrNull(String value) {
        return value != null && CODE.matcher(value.strip()).matches() ? value.strip() : null;
    }
}
