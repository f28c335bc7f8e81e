package dev.cfcheck.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The checks the records' constructors share; each failure is a {@link BadValue} naming the key. */
final class Validation {

    private Validation() {
    }

    static void positive(String key, Duration value) {
        if (value == null) {
            throw new BadValue(key, "missing");
        }
        if (value.isNegative() || value.isZero()) {
            throw new BadValue(key, "must be longer than zero");
        }
    }

    static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new BadValue(key, "must be " + min + " or more, got " + value);
        }
    }

    /**
     * A list of short identifiers (Slack team and channel ids, Discord snowflakes): trimmed, no blanks, no
     * spaces inside. Null is the empty list.
     */
    static List<String> ids(String key, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String id = values.get(i) == null ? "" : values.get(i).trim();
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                throw new BadValue(KeyPath.of(key, i), "expected an id without spaces, as in T0123ABCD, C0123ABCD or 123456789012345678");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }
}
