package dev.cfcheck.diagnosis;

/**
 * One thing to do next.
 *
 * @param text    what to do, in plain words
 * @param command a copy-paste command with the real host, path and IP filled in and shell-quoted, or {@code null}
 */
public record NextStep(String text, String command) {
}
