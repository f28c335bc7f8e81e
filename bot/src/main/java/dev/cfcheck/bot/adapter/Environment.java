package dev.cfcheck.bot.adapter;

import dev.cfcheck.config.Secret;
import dev.cfcheck.config.Secrets;
import java.util.Map;

/**
 * Where adapters read their credentials: environment variables, or a file named by {@code <VAR>_FILE}
 * (Docker and Kubernetes secrets), through the config module's {@link Secrets}. Values are never logged
 * or printed; only variable names are.
 */
@FunctionalInterface
public interface Environment {

    /**
     * The value, or {@code null} when unset or blank.
     *
     * @throws dev.cfcheck.config.ConfigException when {@code <VAR>_FILE} names a file that cannot be read
     */
    String get(String name);

    /** The process environment. */
    static Environment system() {
        return of(System.getenv());
    }

    /** A fixed map, read the same way as the process environment (tests use this). */
    static Environment of(Map<String, String> vars) {
        Secrets secrets = new Secrets(vars);
        return name -> secrets.find(name).map(Secret::value).orElse(null);
    }
}
