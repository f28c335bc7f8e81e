package dev.cfcheck.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void injectedLineBreaksBecomeOneSpaceAndControlCharactersAreDropped() {
        assertThat(OneLine.of("nginx\r\nX-Evil: 1\u001b[31m")).isEqualTo("nginx X-Evil: 1[31m");
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreRemoved() {
        assertThat(OneLine.of("evil\u202Etxt.exe\u200B")).isEqualTo("eviltxt.exe");
        assertThat(OneLine.of("a\u2066b\u2069c\uFEFFd\u200De")).isEqualTo("abcde");
    }

    @Test
    void longTextIsCut() {
        assertThat(OneLine.of("a".repeat(5000))).hasSize(OneLine.MAX_LENGTH).endsWith("…");
        assertThat(OneLine.of("a".repeat(5000), 40)).hasSize(40).endsWith("…");
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        assertThat(OneLine.of("a".repeat(8) + "\uD83D\uDE00".repeat(5), 10)).isEqualTo("a".repeat(8) + "…");
    }

    @Test
    void textWithNothingReadableIsNull() {
        assertThat(OneLine.of(" \r\n\u200B\u0000")).isNull();
        assertThat(OneLine.of(new java.io.IOException("\r\n"))).isEqualTo("IOException");
    }

    @Test
    void exceptionWithoutMessageIsNamedByItsType() {
        assertThat(OneLine.of(new IOException())).isEqualTo("IOException");
        assertThat(OneLine.of((String) null)).isNull();
    }
}
