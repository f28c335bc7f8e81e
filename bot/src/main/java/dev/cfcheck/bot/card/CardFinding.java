package dev.cfcheck.bot.card;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;

/** A secondary finding, one line on the card. */
public record CardFinding(Kind kind, String code, Severity severity, String title) {
}
