package dev.cfcheck.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkTextTest {

    /** Every format (Cf) character the issue names, and a few more: none survives. */
    private static final String FORMAT = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"
            + "\u200B\u200C\u200D\u200E\u200F\uFEFF\u00AD\u2060\u061C";

    @Test
    void formatCharactersAreDroppedAndControlsNeverSurvive() {
        assertThat(NetworkText.visible("CN=" + FORMAT + "exe.txt")).isEqualTo("CN=exe.txt");
        // ESC, BEL, NUL and a C1 CSI are dropped; breaks and tabs become spaces.
        assertThat(NetworkText.visible("a\u001b[2Jb\u0007\u0000\u009bc\r\nd\te\u2028f")).isEqualTo("a[2Jbc d e f");
        assertThat(NetworkText.visible("priv\uE000ate lone\uD800 surrogate")).isEqualTo("private lone surrogate");
        assertThat(NetworkText.visible(null)).isNull();
    }

    @Test
    void visibleLinesKeepsOneBreakPerLineEnding() {
        assertThat(NetworkText.visibleLines("one\r\ntwo\rthree\u2029four\u202E")).isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "Bücher · 東京 · עברית · 😀 · a  b";
        assertThat(NetworkText.visible(text)).isEqualTo(text);
    }

    @Test
    void aLongUrlIsClippedTo2KiBWithAVisibleMarker() {
        String url = "https://example.com/" + "a".repeat(255_000);
        String kept = NetworkText.url(url);
        assertThat(kept).hasSize(NetworkText.MAX_URL).startsWith("https://example.com/aaa")
                .endsWith("…[clipped, 255020 characters]");
        String exact = "https://example.com/" + "b".repeat(NetworkText.MAX_URL - 20);
        assertThat(NetworkText.url(exact)).isEqualTo(exact);
        assertThat(NetworkText.url("https://example.com/#\u202Egnp.exe")).isEqualTo("https://example.com/#gnp.exe");
        assertThat(NetworkText.url(null)).isNull();
    }

    @Test
    void theClipNeverSplitsASurrogatePair() {
        String url = "https://example.com/#" + "\uD83D\uDE00".repeat(3000);
        String kept = NetworkText.url(url);
        assertThat(kept.length()).isLessThanOrEqualTo(NetworkText.MAX_URL);
        String beforeMarker = kept.substring(0, kept.indexOf('…'));
        assertThat(Character.isHighSurrogate(beforeMarker.charAt(beforeMarker.length() - 1))).isFalse();
    }
}
