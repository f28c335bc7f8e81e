package dev.cfcheck.bot.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where adapters read their credentials: environment variables, or a file named by {@code <VAR>_FILE}
 * (Docker and Kubernetes secrets). Values are never logged or printed; only variable names are.
 */
@FunctionalInterface
public interface Environment {

    /** The value, or {@code null} when unset or blank. */
    String get(String name);

    /** True when the variable (or its {@code _FILE} form) is set. */
    default boolean isSet(String name) {
        return get(name) != null;
    }

    /** The process environment. */
    static Environment system() {
        return of(System.getenv());
    }

    /** A fixed map, read the same way as the process environment (tests use this). */
    static Environment of(Map<String, String> vars) {
        return name -> {
            String direct = vars.get(name);
            if (direct != null && !direct.isBlank()) {
                return direct.strip();
            }
            String file = vars.get(name + "_FILE");
            if (file == null || file.isBlank()) {
                return null;
            }
            try {
                String content = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
                return content.isEmpty() ? null : content;
            } catch (IOException e) {
                // Name the variable and the file, never the content.
                throw new UncheckedIOException(name + "_FILE names " + file.strip() + ", which cannot be read: " + e.getMessage(), e);
            }
        };
    }
}
