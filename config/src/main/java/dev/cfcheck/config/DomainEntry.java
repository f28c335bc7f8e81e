package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What the owner of a domain wrote about it.
 *
 * @param origins origin addresses to probe directly, each {@code IP[:PORT]} as written (IPv6 in brackets when
 *                a port follows: {@code [2001:db8::1]:443}); empty when unknown
 * @param sslMode the SSL mode the zone is expected to use, or {@code null} when not said
 * @param notes   free text shown on the card for on-call, or {@code null}
 */
public record DomainEntry(List<String> origins, SslModeSetting sslMode, String notes) {

    public static final DomainEntry NONE = new DomainEntry(List.of(), null, null);

    /** Notes go on every card; a page of text there would push the diagnosis out of view. */
    static final int MAX_NOTES = 1000;

    public DomainEntry {
        origins = checkedOrigins(origins);
        notes = notes == null || notes.isBlank() ? null : notes.strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new BadValue("notes", "longer than " + MAX_NOTES + " characters");
        }
    }

    @JsonCreator
    static DomainEntry fromYaml(
            @JsonProperty("origins") List<String> origins,
            @JsonProperty("sslMode") String sslMode,
            @JsonProperty("notes") String notes) {
        SslModeSetting mode;
        try {
            mode = sslMode == null ? null : SslModeSetting.parse(sslMode);
        } catch (IllegalArgumentException e) {
            throw new BadValue("sslMode", e.getMessage());
        }
        return new DomainEntry(origins, mode, notes);
    }

    private static List<String> checkedOrigins(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>(origins.size());
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            if (origin == null) {
                throw new BadValue(KeyPath.of("origins", i), "empty origin");
            }
            try {
                AddressLiteral.check(origin);
            } catch (IllegalArgumentException e) {
                throw new BadValue(KeyPath.of("origins", i), BadValue.shown(origin) + ": " + e.getMessage());
            }
            checked.add(origin.trim());
        }
        return List.copyOf(checked);
    }
}
