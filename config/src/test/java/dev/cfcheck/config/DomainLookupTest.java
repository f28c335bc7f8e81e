package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainLookupTest {

    private final CfcheckConfig config = ConfigLoader.parse("""
            domains:
              example.com:         { notes: exact apex }
              "*.example.com":     { notes: any subdomain }
              "*.eu.example.com":  { notes: any eu subdomain }
              api.eu.example.com:  { notes: exact api }
              "*.com":             { notes: every .com }
            """, "cfcheck.yml");

    @Test
    void exactEntryWinsOverEveryWildcard() {
        assertThat(notesFor("api.eu.example.com")).isEqualTo("exact api");
        assertThat(notesFor("example.com")).isEqualTo("exact apex");
    }

    @Test
    void mostSpecificWildcardWinsOverAWiderOne() {
        assertThat(notesFor("web.eu.example.com")).isEqualTo("any eu subdomain");
        assertThat(notesFor("a.b.eu.example.com")).isEqualTo("any eu subdomain");
        assertThat(notesFor("www.example.com")).isEqualTo("any subdomain");
        assertThat(notesFor("other.com")).isEqualTo("every .com");
    }

    @Test
    void wildcardDoesNotCoverItsOwnApex() {
        assertThat(notesFor("eu.example.com")).isEqualTo("any subdomain");
        assertThat(config.domain("com")).isEmpty();
    }

    @Test
    void lookupIgnoresCaseAndATrailingDot() {
        assertThat(notesFor("WWW.Example.COM.")).isEqualTo("any subdomain");
        assertThat(notesFor("Example.com.")).isEqualTo("exact apex");
    }

    @Test
    void hostOutsideEveryEntryHasNone() {
        assertThat(config.domain("example.org")).isEmpty();
        assertThat(config.domain("notexample.com.evil.org")).isEmpty();
    }

    @Test
    void lookalikeSuffixIsNotASubdomain() {
        // "badexample.com" ends with "example.com" but is not under it; only "*.com" covers it.
        assertThat(notesFor("badexample.com")).isEqualTo("every .com");
        assertThat(HostPattern.of("*.example.com").matches("badexample.com")).isFalse();
    }

    @Test
    void hostPatternNormalizesAndRefusesMalformedNames() {
        assertThat(HostPattern.of(" *.Example.COM. ").pattern()).isEqualTo("*.example.com");
        assertThat(HostPattern.of("xn--bcher-kva.example").isWildcard()).isFalse();
        assertThat(HostPattern.of("*.b.example.com").specificity()).isGreaterThan(HostPattern.of("*.example.com").specificity());
        assertThatThrownBy(() -> HostPattern.of("-bad.example.com")).hasMessageContaining("not a hostname");
        assertThatThrownBy(() -> HostPattern.of("a..example.com")).hasMessageContaining("not a hostname");
        assertThatThrownBy(() -> HostPattern.of("a".repeat(64) + ".com")).hasMessageContaining("not a hostname");
        assertThatThrownBy(() -> HostPattern.of(("a".repeat(63) + ".").repeat(4) + "com")).hasMessageContaining("253");
        assertThatThrownBy(() -> HostPattern.of("*.*.example.com")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> HostPattern.of("")).hasMessageContaining("empty");
    }

    private String notesFor(String host) {
        return config.domain(host).orElseThrow().notes();
    }
}
