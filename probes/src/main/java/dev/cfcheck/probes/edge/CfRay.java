package dev.cfcheck.probes.edge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cf-ray} header split into its parts: {@code a23c92d51bc8a952-DTW} is Ray ID
 * {@code a23c92d51bc8a952} served by the Detroit data centre.
 *
 * @param id   the 16-hex Ray ID
 * @param colo the IATA code of the data centre, or {@code null} when the header has none
 */
record CfRay(String id, String colo) {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-fA-F]{16})(?:-([A-Za-z]{3}))?");

    /** The parts of a header value, or {@code null} when it is absent or not in the documented form. */
    static CfRay parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        return new CfRay(m.group(1).toLowerCase(Locale.ROOT),
                m.group(2) == null ? null : m.group(2).toUpperCase(Locale.ROOT));
    }
}
