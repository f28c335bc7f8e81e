package dev.cfcheck.bot.discord;

import dev.cfcheck.bot.router.ReferenceId;
import java.util.Optional;

/**
 * The custom id of a card's button: the action and the check's reference id, nothing else. The options of
 * the check stay server-side with the router (bounded, expiring), so the id stays far below Discord's 100
 * characters whatever the domain, and no origin address travels through Discord.
 *
 * @param action      what the button does
 * @param referenceId the check it belongs to
 */
record ButtonId(Action action, String referenceId) {
    private static final String PREFIX = "cfcheck:";

    enum Action {
        RERUN("rerun"),
        DETAILS("details");

        private final String key;

        Action(String key) {
            this.key = key;
        }
    }

    String encode() {
        return PREFIX + action.key + ":" + referenceId;
    }

    /** The button of this custom id, or empty when it is not one of ours or is malformed. */
    static Optional<ButtonId> parse(String customId) {
        if (customId == null || !customId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = customId.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String key = rest.substring(0, colon);
        String id = rest.substring(colon + 1);
        if (!ReferenceId.isWellFormed(id)) {
            return Optional.empty();
        }
        for (Action a : Action.values()) {
            if (a.key.equals(key)) {
                return Optional.of(new ButtonId(a, id));
            }
        }
        return Optional.empty();
    }
}
