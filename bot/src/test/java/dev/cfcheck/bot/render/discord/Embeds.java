package dev.cfcheck.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** Reads an embed the way Discord would: its published limits, and text that cannot render as markup. */
public final class Embeds {

    private Embeds() {
    }

    /** Every markdown-special character is preceded by an odd number of backslashes (that is, escaped). */
    public static void assertInert(String text) {
        assertEscaped(text, "[*_~|`>#\\[\\]()<@]");
        assertThat(text).doesNotContain("https://");
    }

    /** Every character of {@code characterClass} (a regex class) is preceded by an odd number of backslashes. */
    public static void assertEscaped(String text, String characterClass) {
        Matcher m = Pattern.compile(characterClass).matcher(text);
        while (m.find()) {
            int slashes = 0;
            for (int i = m.start() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                slashes++;
            }
            assertThat(slashes % 2).as("'%s' at %d is escaped in: %s", m.group(), m.start(), text).isEqualTo(1);
        }
    }

    /** Discord's limits: 6000 in all, a title of 256, a description of 4096, 25 fields of 256/1024, a footer of 2048. */
    public static void assertWithinLimits(MessageEmbed embed) {
        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        if (embed.getTitle() != null) {
            assertThat(embed.getTitle().length()).isLessThanOrEqualTo(256);
        }
        if (embed.getDescription() != null) {
            assertThat(embed.getDescription().length()).isLessThanOrEqualTo(4096);
        }
        assertThat(embed.getFields().size()).isLessThanOrEqualTo(25);
        for (MessageEmbed.Field f : embed.getFields()) {
            assertThat(f.getName()).isNotBlank().hasSizeLessThanOrEqualTo(256);
            assertThat(f.getValue()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
        }
        if (embed.getFooter() != null) {
            assertThat(embed.getFooter().getText().length()).isLessThanOrEqualTo(2048);
        }
        // What JDA would send must serialise.
        assertThat(embed.toData().toString()).isNotEmpty();
    }
}
