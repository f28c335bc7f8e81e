package dev.cfcheck.probes.edge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cloudflare data centres by IATA code ("DTW" to "Detroit, United States"), from the bundled copy of
 * {@code colos.json} (generated from cloudflarestatus.com's component list, 2024-09). A colo opened since then
 * is simply unknown: the code is still shown, only the city is missing.
 */
public final class Colos {

    private static final Pattern IATA = Pattern.compile("[A-Z]{3}");
    private static final Colos BUNDLED = load("colos.json");

    private final Map<String, String> cities;

    private Colos(Map<String, String> cities) {
        this.cities = Map.copyOf(cities);
    }

    /** The list shipped with cfcheck. */
    public static Colos bundled() {
        return BUNDLED;
    }

    /** "City, Country" for an IATA code (any case), or {@code null} when the code is unknown or malformed. */
    public String city(String iata) {
        if (iata == null) {
            return null;
        }
        String code = iata.trim().toUpperCase(Locale.ROOT);
        return IATA.matcher(code).matches() ? cities.get(code) : null;
    }

    /** How many colos are known. */
    public int size() {
        return cities.size();
    }

    private static Colos load(String resource) {
        try (InputStream in = Colos.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + Colos.class.getName());
            }
            Map<String, String> all = new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
            // Keep only real IATA codes: the source also has a "LOCAL" placeholder entry.
            all.keySet().removeIf(code -> !IATA.matcher(code).matches());
            return new Colos(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + resource, e);
        }
    }
}
