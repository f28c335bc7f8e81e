package dev.cfcheck.bot.card;

import dev.cfcheck.diagnosis.DomainSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The card field for what the owner wrote in the config about the domain: the expected SSL mode and the
 * notes for on-call ("origin is the k8s ingress, page #platform"). Absent when the config says nothing.
 */
final class DomainConfigField {

    static final String LABEL = "Config";

    private DomainConfigField() {
    }

    static Optional<CardField> of(DomainSettings settings) {
        List<String> lines = new ArrayList<>();
        if (settings.sslMode() != null) {
            lines.add("SSL mode " + switch (settings.sslMode()) {
                case OFF -> "Off";
                case FLEXIBLE -> "Flexible";
                case FULL -> "Full";
                case STRICT -> "Full (strict)";
            });
        }
        if (settings.notes() != null && !settings.notes().isBlank()) {
            lines.add(settings.notes().strip());
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(new CardField(LABEL, String.join("\n", lines)));
    }
}
