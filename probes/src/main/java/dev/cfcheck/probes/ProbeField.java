package dev.cfcheck.probes;

/**
 * One field of a card as a probe words it.
 *
 * @param label the field's name ("DNS", "Edge", "Certificate"); fields with the same label are joined
 * @param value a few short lines
 */
public record ProbeField(String label, String value) {

    // The labels the built-in probes share; a card shows them in this order, then any other label.
    public static final String DNS = "DNS";
    public static final String EDGE = "Edge";
    public static final String ORIGIN = "Origin";
    public static final String CERTIFICATE = "Certificate";
    public static final String TIMINGS = "Timings";
}
