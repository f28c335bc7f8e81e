package dev.cfcheck.probes.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void injectedLineBreaksAndControlCharactersBecomeSpaces() {
        assertThat(OneLine.of("nginx\r\nX-Evil: 1\u001b[31m")).isEqualTo("nginx  X-Evil: 1 [31m");
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShownAsQuestionMarks() {
        assertThat(OneLine.of("evil\u202Etxt.exe\u200B")).isEqualTo("evil?txt.exe?");
    }

    @Test
    void longTextIsCut() {
        assertThat(OneLine.of("a".repeat(5000))).hasSize(OneLine.MAX_LENGTH + 1).endsWith("…");
    }

    @Test
    void exceptionWithoutMessageIsNamedByItsType() {
        assertThat(OneLine.of(new IOException())).isEqualTo("IOException");
        assertThat(OneLine.of((String) null)).isNull();
    }
}
