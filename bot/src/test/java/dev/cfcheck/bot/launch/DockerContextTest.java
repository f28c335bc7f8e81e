package dev.cfcheck.bot.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the image build relies on, read from the files (no container runtime runs on the development machine):
 * every {@code COPY} from the context names a path that exists and that {@code .dockerignore} keeps, every source
 * file is in the context (no source directory is named {@code target}, which {@code **}{@code /target} drops), and
 * the image runs the launcher as a non-root user with a {@code HEALTHCHECK} through {@code cfcheck health}.
 */
class DockerContextTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("config", "probes", "bot");

    @Test
    void everyCopyFromTheContextNamesAnExistingPathThatDockerignoreKeeps() throws IOException {
        DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));
        List<String> sources = new ArrayList<>();
        for (String instruction : instructions()) {
            List<String> words = Arrays.asList(instruction.split("\\s+"));
            if (!words.get(0).equals("COPY") || words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            List<String> paths = words.stream().skip(1).filter(w -> !w.startsWith("--")).toList();
            sources.addAll(paths.subList(0, paths.size() - 1));
        }

        assertThat(sources).contains("bot/src/main/launcher/cfcheck", "bot/", "probes/", "config/", "mvnw");
        for (String source : sources) {
            assertThat(ROOT.resolve(source)).as(source).exists();
            assertThat(ignore.excludes(source)).as(source + " is dropped by .dockerignore").isFalse();
        }
    }

    @Test
    void everySourceFileIsInTheContextAndNoSourceDirectoryIsNamedTarget() throws IOException {
        DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));
        for (String module : MODULES) {
            try (Stream<Path> tree = Files.walk(ROOT.resolve(module).resolve("src"))) {
                for (Path p : tree.toList()) {
                    String relative = ROOT.relativize(p).toString().replace('\\', '/');
                    assertThat(p.getFileName().toString()).as(relative).isNotEqualTo("target");
                    assertThat(ignore.excludes(relative)).as(relative + " is dropped by .dockerignore").isFalse();
                }
            }
        }
        assertThat(ignore.excludes("bot/target/cfcheck.jar")).as("build output stays out").isTrue();
        assertThat(ignore.excludes(".git/config")).isTrue();
    }

    @Test
    void theImageRunsTheLauncherAsANonRootUserWithAHealthcheckThroughCfcheckHealth() throws IOException {
        List<String> instructions = instructions();

        assertThat(ROOT.resolve("bot/src/main/launcher/cfcheck")).isExecutable();
        assertThat(instructions).contains("ENTRYPOINT [\"cfcheck\"]")
                .anyMatch(i -> i.matches("HEALTHCHECK .* CMD \\[\"cfcheck\", \"health\".*"))
                .anyMatch(i -> i.startsWith("RUN ") && i.contains(ClassDataTraining.class.getName()));
        String user = instructions.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertThat(user).isNotIn("USER root", "USER 0");
    }

    /** The Dockerfile's instructions, one string each: continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        String joined = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(line -> !line.stripLeading().startsWith("#"))
                .collect(Collectors.joining("\n"))
                .replaceAll("\\\\\n", " ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.replaceAll("\\s+", " ")).toList();
    }

    /**
     * {@code .dockerignore} as Docker reads it: each pattern matches a path relative to the context (Go's
     * {@code filepath.Match}, with {@code **} for any number of directories), and a path is dropped when it or a
     * directory above it matches. Exceptions ({@code !}) are not used here and are refused.
     */
    private record DockerIgnore(List<Pattern> patterns) {

        static DockerIgnore read(Path file) throws IOException {
            List<Pattern> patterns = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String p = line.strip();
                if (p.isEmpty() || p.startsWith("#")) {
                    continue;
                }
                if (p.startsWith("!")) {
                    throw new IllegalStateException(".dockerignore exceptions are not checked here: " + p);
                }
                patterns.add(glob(p.replaceFirst("^/", "")));
            }
            return new DockerIgnore(patterns);
        }

        boolean excludes(String path) {
            String[] parts = path.replaceFirst("/$", "").split("/");
            for (int i = 1; i <= parts.length; i++) {
                String prefix = String.join("/", Arrays.copyOf(parts, i));
                if (patterns.stream().anyMatch(p -> p.matcher(prefix).matches())) {
                    return true;
                }
            }
            return false;
        }

        private static Pattern glob(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (glob.startsWith("**/", i)) {
                    regex.append("(?:.*/)?");
                    i += 2;
                } else if (glob.startsWith("**", i)) {
                    regex.append(".*");
                    i += 1;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString());
        }
    }
}
