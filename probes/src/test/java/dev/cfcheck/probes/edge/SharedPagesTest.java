package dev.cfcheck.probes.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.rules.CloudflareCodes;
import dev.cfcheck.probes.edge.CloudflarePage.Type;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real page of {@code shared/cloudflare/pages/} (one row each in {@code shared/cloudflare/sources.tsv})
 * must be read as Cloudflare's own page, with the code it carries, when served with the status the edge sent
 * and the headers every proxied response has. A page dropped in later with a row whose notes start
 * {@code edge status NNN; Cloudflare code CCCC;} is tested without a code change; files named
 * {@code challenge-*} must be read as challenges.
 *
 * <p>The shared directory is found by walking up from the working directory ({@code <dir>/shared/cloudflare});
 * without it (a lone clone) the copies under the test resources' {@code pages/} (with their {@code SOURCES.tsv})
 * are read instead.
 */
class SharedPagesTest {

    private static final Pattern NEW_NOTES = Pattern.compile("^edge status (\\d{3}); Cloudflare code (\\d{3,4});");
    private static final Pattern NOTES_RAY = Pattern.compile("\\bcf-ray ([0-9a-f]{16}-[A-Z]{3})\\b");

    /** The rows written before notes carried the edge status and code: what was sent and what the page carries. */
    private static final Map<String, Expected> OLD_ROWS = Map.ofEntries(
            Map.entry("1006-codemanki-access_denied.html", new Expected(403, "1006")),
            Map.entry("1101-www.cloudflare.com-mikrotik-iplist.html", new Expected(500, "1101")),
            Map.entry("520-supabase-nhl-cronlog.html", new Expected(520, "520")),
            Map.entry("521-llamarpc-codexlog.html", new Expected(521, "521")),
            Map.entry("522-supabase-nhl-cronlog.html", new Expected(522, "522")),
            Map.entry("524-neuoptic-playwright.html", new Expected(524, "524")),
            Map.entry("525-llamarpc-codexlog.html", new Expected(525, "525")),
            // Challenges: the legacy IUAM (jschl) page came with 503, captcha and managed ones with 403.
            Map.entry("challenge-captcha-legacy-codemanki.html", new Expected(403, "403")),
            Map.entry("challenge-recaptcha-2019-codemanki.html", new Expected(403, "403")),
            Map.entry("challenge-recaptcha-2019-04-venomous.html", new Expected(403, "403")),
            Map.entry("challenge-jschl-iuam-2019-codemanki.html", new Expected(503, "503")),
            Map.entry("challenge-jschl-2020-venomous.html", new Expected(503, "503")),
            Map.entry("challenge-managed-2021-venomous.html", new Expected(403, "403")),
            Map.entry("challenge-managed-2022-alchemy-wonderland.html", new Expected(403, "403")));

    private final CloudflarePageClassifier classifier = new CloudflarePageClassifier();

    record Expected(int status, String code) {
    }

    /** One {@code pages/} row of sources.tsv, resolved to its file. */
    record Row(String file, Path path, int status, String code, String cfRay, boolean rayFromNotes) {
        boolean challenge() {
            return file.startsWith("challenge-");
        }

        @Override
        public String toString() {
            return file + " (" + status + (challenge() ? ", challenge" : ", code " + code) + ")";
        }
    }

    static Stream<Row> rows() throws IOException {
        Path root = root();
        List<String> lines = Files.readAllLines(sourcesFile(root), StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 5 || !cols[0].startsWith("pages/")) {
                continue;
            }
            String file = cols[0].substring("pages/".length());
            String notes = cols[4];
            Matcher m = NEW_NOTES.matcher(notes);
            Expected expected = m.find()
                    ? new Expected(Integer.parseInt(m.group(1)), m.group(2))
                    : OLD_ROWS.get(file);
            if (expected == null) {
                throw new IllegalStateException("sources.tsv row " + file
                        + ": notes do not start 'edge status NNN; Cloudflare code CCCC;' and the test has no entry for it");
            }
            Matcher ray = NOTES_RAY.matcher(notes);
            boolean known = ray.find();
            rows.add(new Row(file, root.resolve(cols[0]), expected.status(), expected.code(),
                    known ? ray.group(1) : "a23c92d51bc8a952-DTW", known));
        }
        return rows.stream();
    }

    @Test
    void everyPageFileHasARowAndEveryRowAFile() throws IOException {
        Path pages = root().resolve("pages");
        List<String> files;
        try (Stream<Path> listed = Files.list(pages)) {
            files = listed.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("README.md") && !name.equals("SOURCES.tsv"))
                    .sorted().toList();
        }
        List<String> rowFiles = rows().map(Row::file).sorted().toList();

        assertThat(rowFiles).containsExactlyElementsOf(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsEveryRealPageAsCloudflares(Row row) throws IOException {
        String body = Files.readString(row.path(), StandardCharsets.UTF_8);
        Headers headers = Headers.of("server", "cloudflare", "cf-ray", row.cfRay());

        CloudflarePage page = classifier.classify(row.status(), headers, body);

        assertThat(page).as("Cloudflare's page").isNotNull();
        if (row.challenge()) {
            assertThat(page.type()).isEqualTo(Type.CHALLENGE);
        } else {
            assertThat(page.type()).isNotEqualTo(Type.CHALLENGE);
            // The classifier reads the page, CloudflareCodes decides the code: the one the row names.
            assertThat(CloudflareCodes.seen(exchange(row, page))).isEqualTo(row.code());
        }
        if (page.rayId() != null && row.rayFromNotes()) {
            assertThat(page.rayId()).as("Ray ID on the page").isEqualTo(row.cfRay().substring(0, 16));
        }
    }

    private static HttpExchange exchange(Row row, CloudflarePage page) {
        String ray = row.cfRay();
        return new HttpExchange("https://example.test/", "https://example.test/", "104.16.132.229", row.status(),
                "cloudflare", ray, ray.substring(0, 16), ray.substring(17), null, null, null, null, page,
                List.of(), false, null, null, null);
    }

    /** The directory {@code sources.tsv}'s paths are relative to: {@code shared/cloudflare} above the working directory, else the test resources. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("cloudflare");
            if (Files.isRegularFile(candidate.resolve("sources.tsv"))) {
                return candidate;
            }
        }
        URL bundled = SharedPagesTest.class.getResource("/pages/SOURCES.tsv");
        if (bundled == null) {
            throw new IllegalStateException("no shared/cloudflare/sources.tsv above " + Path.of("").toAbsolutePath()
                    + " and no test resource pages/SOURCES.tsv");
        }
        try {
            return Path.of(bundled.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sourcesFile(Path root) {
        Path shared = root.resolve("sources.tsv");
        return Files.isRegularFile(shared) ? shared : root.resolve("pages").resolve("SOURCES.tsv");
    }
}
