package dev.cfcheck.bot.launch;

import dev.cfcheck.testing.HealthyLoopbackSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the class-data archive beside the shaded jar ({@code cfcheck.jar} → {@code cfcheck.jsa}) that the launcher
 * ({@code bot/src/main/launcher/cfcheck}) starts every command with. Two JVMs: a training {@code cfcheck check} of a
 * healthy site on loopback lists the classes a real check loads ({@code -XX:DumpLoadedClassList}: picocli, the
 * config, DNS, TLS, OkHttp, the diagnosis, the card, and the JDK's own), then {@code -Xshare:dump} parses,
 * verifies and lays them out into a static archive that later JVMs map instead of loading class by class.
 *
 * <p>An archive only serves the jar and the JVM that made it, so this uses the JVM it runs on: Maven's, in the bot
 * module's {@code package} phase (exec-maven-plugin), and the image's JRE in the Docker build.
 * Usage: {@code ClassDataTraining JAR}. Exits 1 with one line when no archive could be made.
 */
public final class ClassDataTraining {

    private static final long STEP_LIMIT_SECONDS = 180;
    /** MockWebServer logs each probe connection that sends no request; held here, as JUL keeps loggers weakly. */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger(mockwebserver3.MockWebServer.class.getName());

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].endsWith(".jar")) {
            fail("usage: ClassDataTraining JAR");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path archive = jar.resolveSibling(base + ".jsa");
        Path classList = jar.resolveSibling(base + ".classlist");
        // A stale archive must not outlive a failed training beside a new jar.
        Files.deleteIfExists(archive);
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
        Path dir = Files.createTempDirectory("cfcheck-cds-training");
        try {
            try (HealthyLoopbackSite site = HealthyLoopbackSite.start(dir)) {
                List<String> check = new ArrayList<>(List.of("-XX:DumpLoadedClassList=" + classList, "-jar", jar.toString(), "check"));
                check.addAll(site.checkArguments());
                int exit = java(check, dir.resolve("check.txt"));
                // 1 is a verdict too: a loaded build machine can make the site look slow. 2 and 3 mean no check ran.
                if (exit != 0 && exit != 1) {
                    failWith(dir.resolve("check.txt"), "the training check exited " + exit + " (its output is above)");
                }
            }
            int exit = java(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive,
                    "-cp", jar.toString()), dir.resolve("dump.txt"));
            if (exit != 0 || !Files.isRegularFile(archive)) {
                failWith(dir.resolve("dump.txt"), "-Xshare:dump exited " + exit + " (its output is above)");
            }
        } finally {
            deleteTree(dir);
        }
        System.out.printf(Locale.ROOT, "cfcheck: class-data archive %s (%.1f MB)%n", archive, Files.size(archive) / 1e6);
    }

    /** Runs this JVM's java with {@code arguments}, its output to {@code log}; returns the exit status. */
    private static int java(List<String> arguments, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The check of the site, nothing else: no config file of whoever builds.
        builder.environment().remove("CFCHECK_CONFIG");
        Process process = builder.start();
        if (!process.waitFor(STEP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("'java " + String.join(" ", arguments.subList(0, 1)) + " ...' did not end within " + STEP_LIMIT_SECONDS + " s");
        }
        return process.exitValue();
    }

    private static void failWith(Path log, String why) throws IOException {
        System.err.print(Files.readString(log));
        fail(why + "; no archive made");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void fail(String why) {
        System.err.println("cfcheck: class-data training: " + why);
        System.exit(1);
    }
}
