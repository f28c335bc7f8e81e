package dev.cfcheck.probes;

/**
 * One field of a card as a probe words it.
 *
 * @param label the field's name ("DNS", "Edge", "Certificate"); fields with the same label are joined
 * @param value a few short lines
 */
public record ProbeField(String label, String value) {
}
