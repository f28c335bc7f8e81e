package dev.cfcheck.config;

import java.util.Locale;

/** Who sees the bot's diagnosis card: the whole channel, or only the person who asked. */
public enum ReplyVisibility {
    IN_CHANNEL,
    EPHEMERAL;

    /** The spelling used in the file (and by Slack's {@code response_type}). */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ReplyVisibility parse(String text) {
        for (ReplyVisibility v : values()) {
            if (v.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown reply visibility " + BadValue.shown(text) + " (expected in_channel or ephemeral)");
    }
}
