package dev.cfcheck.diagnosis;

import java.util.Map;

/**
 * One next step as written in the knowledge base.
 *
 * @param text    what to do
 * @param command the command, or {@code null} for a step that is advice only
 */
public record StepTemplate(TextTemplate text, CommandTemplate command) {

    /** The step with values filled in; the command is left out when a value it needs is unknown. */
    public NextStep render(TemplateValues values, Map<Placeholder, String> fallbacks) {
        String filled = command == null ? null : command.fill(values).orElse(null);
        return new NextStep(text.fill(values, fallbacks), filled);
    }
}
