package dev.cfcheck.bot.card;

/**
 * One labelled piece of evidence on the card ("DNS", "Edge", "Origin", "Certificate", "Timings").
 * The value is plain text, one or more lines; it may carry network data, so every renderer escapes it.
 */
public record CardField(String label, String value) {
}
