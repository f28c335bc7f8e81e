package dev.cfcheck.bot.card;

/**
 * A numbered next step.
 *
 * @param text    what to do, plain text
 * @param command a copy-paste command, or {@code null}; renderers put it in a code block
 */
public record CardStep(String text, String command) {

    public boolean hasCommand() {
        return command != null && !command.isBlank();
    }
}
