package dev.cfcheck.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quoted values are handed to a real {@code /bin/sh}: the shell must give back exactly the original bytes as
 * one argument and run nothing. Each hostile value would, unquoted, run a command or touch a file.
 */
class ShellQuoteTest {

    @TempDir
    Path dir;

    static List<String> hostileValues() {
        return List.of(
                "it's",
                "'; touch pwned; '",
                "$(touch pwned)",
                "`touch pwned`",
                "${HOME}",
                "a b  c",
                "line1\ntouch pwned",
                "tab\there",
                "\"double\" quotes",
                "back\\slash",
                "*",
                "~root",
                "!!",
                "a;touch pwned",
                "a&&touch pwned",
                "a|touch pwned",
                "> pwned",
                "#comment",
                "=cmd",
                "{a,b}",
                "[::1]",
                "",
                "'",
                "''''",
                "/search?q=1&x=$(id)",
                "\u00e9t\u00e9 \u2028 x");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValueComesBackFromShellAsOneInertArgument(String value) throws Exception {
        String quoted = ShellQuote.quote(value);

        List<String> args = shellArgs("printf '%s\\0' " + quoted);

        assertThat(args).containsExactly(value);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileValueInsideTemplateSingleQuotesStaysInert(String value) throws Exception {
        String line = "printf '%s\\0' 'prefix " + ShellQuote.insideSingleQuotes(value) + " suffix'";

        assertThat(shellArgs(line)).containsExactly("prefix " + value + " suffix");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void harmlessWordsStayBareForReadability() {
        assertThat(ShellQuote.quote("example.com")).isEqualTo("example.com");
        assertThat(ShellQuote.quote("203.0.113.10")).isEqualTo("203.0.113.10");
        assertThat(ShellQuote.quote("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(ShellQuote.quote("https://example.com/a/b.html")).isEqualTo("https://example.com/a/b.html");
    }

    @Test
    void anythingElseIsSingleQuotedWithEmbeddedQuotesEscaped() {
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }

    /** Runs {@code line} in sh (cwd = temp dir) and returns the NUL-separated words it printed. */
    List<String> shellArgs(String line) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", line).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = readBounded(in);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("sh finished").isTrue();
        assertThat(p.exitValue()).as("sh exit status for: %s", line).isZero();
        String s = new String(out, StandardCharsets.UTF_8);
        assertThat(s).endsWith("\0");
        return List.of(s.substring(0, s.length() - 1).split("\0", -1));
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0 && b.size() < 1 << 16) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }
}
