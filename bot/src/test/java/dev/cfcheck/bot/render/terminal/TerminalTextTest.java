package dev.cfcheck.bot.render.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.bot.card.HiddenText;
import dev.cfcheck.bot.card.Redaction;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.check.CheckReport;
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

    @Test
    void bidiZeroWidthAndControlCharactersFromTheNetworkNeverReachTheTerminal() {
        assertThat(TerminalText.safe("CN=\u202Egnp.exe\u200B\uFEFF", 100)).isEqualTo("CN=gnp.exe");
        CheckReport report = SampleReports.hostile("example.com");
        TerminalRenderer renderer = new TerminalRenderer(false);

        HiddenText.assertNone(renderer.render(Card.from(report, "ABCD2345", Redaction.NONE, SampleReports.CHECKED_AT),
                report.verdict().evidence()));
        HiddenText.assertNone(renderer.render(Details.from(report, "ABCD2345")));
    }
}
