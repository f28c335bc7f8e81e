package dev.cfcheck.bot.render.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void escapeSequencesFromAProbedPageCannotReachTheTerminal() {
        // Colour, a title change (OSC, ended by BEL) and a C1 CSI: only their printable remains survive.
        assertThat(TerminalText.safe("\u001b[31mred\u001b]0;owned\u0007 \u009b2J\r\nnext\tcol", 100))
                .isEqualTo("[31mred]0;owned 2J next col");
    }

    @Test
    void aCutNeverSplitsAnEmojiAndOnlyCutTextGetsAnEllipsis() {
        assertThat(TerminalText.safe("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(TerminalText.safe("ab\uD83D\uDE00cd", 5)).isEqualTo("ab\uD83D\uDE00…");
        // Dropped control characters are not "cut text": three printable characters fit in three.
        assertThat(TerminalText.safe("abc\u0007\u0007", 3)).isEqualTo("abc");
        assertThat(TerminalText.safe("abcd", 3)).isEqualTo("ab…");
        assertThat(TerminalText.safe(null, 3)).isEmpty();
    }
}
