package dev.cfcheck.bot.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Text a hostile site hides things in, and the check that a rendered surface shows none of it. */
public final class HiddenText {

    /** Bidi override, embedding and isolates, zero-width characters, a BOM, ESC, BEL and a C1 CSI around "exe.png". */
    public static final String SAMPLE = "\u202Egnp.exe\u202C \u2066x\u2069\u202A\u202B\u202D\u2067\u2068"
            + "\u200B\u200C\u200D\u200E\u200F\uFEFF\u061C\u001b[2J\u0007\u009b";

    private HiddenText() {
    }

    /**
     * No control character but line breaks, and no format character, in {@code rendered}; {@code own} lists the
     * format characters the surface inserts itself (Slack's word joiner in "@here", Discord's zero-width space
     * between backticks).
     */
    public static void assertNone(String rendered, int... own) {
        rendered.codePoints().forEach(cp -> {
            if (cp == '\n' || Arrays.stream(own).anyMatch(o -> o == cp)) {
                return;
            }
            assertThat(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)
                    .as("U+%04X in %s", cp, excerpt(rendered, cp)).isFalse();
        });
    }

    private static String excerpt(String text, int cp) {
        int at = text.indexOf(new String(Character.toChars(cp)));
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }
}
