package dev.cfcheck.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Duration;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns what Jackson throws into one line for the operator: the key, its line, and what is wrong, in the
 * file's words rather than Java's ("expected true or false", not "Cannot deserialize value of type
 * `java.lang.Boolean`"). Values that could be secrets are never repeated.
 */
final class ConfigProblems {

    /** Keys that look like credentials: refused with a pointer to the environment instead. */
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(token|secret|password|passwd|credential|api_?key|private_?key).*");
    private static final List<String> SECRET_VARIABLES =
            List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN", "CLOUDFLARE_API_TOKEN");

    private ConfigProblems() {
    }

    /** A YAML syntax error or a duplicate key, found by the first pass. */
    static ConfigException syntax(JacksonException e, String source) {
        int line = line(e.getLocation());
        String problem;
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            // Only the problem and where: SnakeYAML's full message quotes the offending line, which may hold a secret.
            problem = "YAML syntax error: " + yaml.getProblem();
            if (yaml.getProblemMark() != null) {
                line = yaml.getProblemMark().getLine() + 1;
            }
            if (yaml.getContext() != null && yaml.getContextMark() != null && yaml.getContextMark().getLine() + 1 != line) {
                problem += " (" + yaml.getContext() + " from line " + (yaml.getContextMark().getLine() + 1) + ")";
            }
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            problem = "duplicate key " + e.getOriginalMessage().substring("Duplicate field".length()).trim();
        } else {
            problem = "YAML syntax error";
        }
        return new ConfigException(source, line, null, problem);
    }

    /** A problem found while binding the file to the records. */
    static ConfigException binding(JacksonException e, KeyLines lines, String source) {
        KeyPath path = e instanceof JsonMappingException m ? pathOf(m) : KeyPath.ROOT;
        BadValue bad = find(e, BadValue.class);
        if (bad != null) {
            KeyPath full = path.resolve(bad.keyPath());
            return located(source, lines, full, e, bad.problem());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownKey(unknown, path, lines, source);
        }
        if (find(e, InputCoercionException.class) != null) {
            return located(source, lines, path, e, "number out of range");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return located(source, lines, path, e, expected(mismatch.getTargetType(), path));
        }
        return located(source, lines, path, e, "cannot read this value");
    }

    private static ConfigException unknownKey(UnrecognizedPropertyException e, KeyPath path, KeyLines lines, String source) {
        String key = e.getPropertyName();
        KeyPath parent = path.parent();
        if (SECRET_KEY.matcher(key).matches()) {
            return keyProblem(source, lines, path, e, "'" + key + "' looks like a secret, and secrets are never read from the config file:"
                    + " remove it and set " + secretVariablesFor(key) + " in the environment (or <VAR>_FILE naming a file that holds it)");
        }
        List<String> known = knownKeys(e.getReferringClass(), e.getKnownPropertyIds());
        String where = parent.isRoot() ? "" : " in '" + parent + "'";
        String suggestion = closest(key, known);
        String hint = suggestion == null ? "" : ", did you mean '" + suggestion + "'?";
        return keyProblem(source, lines, path, e, "unknown key '" + key + "'" + where + hint + " (known: " + String.join(", ", known) + ")");
    }

    /** A problem with the value of a key: the message starts with the key. */
    private static ConfigException located(String source, KeyLines lines, KeyPath path, JacksonException e, String problem) {
        return keyProblem(source, lines, path, e, path.isRoot() ? problem : path + ": " + problem);
    }

    /** A problem with the key itself: the message names it in its own words. */
    private static ConfigException keyProblem(String source, KeyLines lines, KeyPath path, JacksonException e, String message) {
        int line = lines.lineOf(path);
        if (line == 0) {
            line = line(e.getLocation());
        }
        return new ConfigException(source, line, path.isRoot() ? null : path.toString(), message);
    }

    private static String expected(Class<?> type, KeyPath path) {
        if (type == null) {
            return "a value of the wrong kind";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == String.class) {
            return "expected a single value (text), not a list or mapping";
        }
        if (type == Duration.class) {
            return "expected a duration such as 10s, 1500ms or 2m";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "expected a list, as in [a, b] or lines starting with '- '";
        }
        if (path.isRoot()) {
            return "expected a mapping of keys at the top of the file (timeout: 10s, domains: ...)";
        }
        return "expected a mapping (key: value lines below it, or { key: value })";
    }

    private static KeyPath pathOf(JsonMappingException e) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                segments.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                segments.add(ref.getIndex());
            }
        }
        return new KeyPath(segments);
    }

    /** The known keys in the order the record declares them, which is the order of the example file. */
    private static List<String> knownKeys(Class<?> type, Collection<Object> ids) {
        List<String> known = ids == null ? new ArrayList<>() : ids.stream().map(String::valueOf).collect(Collectors.toList());
        if (type != null && type.isRecord()) {
            List<String> declared = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toList());
            known.sort(Comparator.comparingInt(k -> declared.contains(k) ? declared.indexOf(k) : declared.size()));
        }
        return known;
    }

    private static String secretVariablesFor(String key) {
        // slackBotToken -> SLACK_BOT_TOKEN; signingSecret -> SLACK_SIGNING_SECRET; token -> all the tokens.
        String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
        List<String> matching = SECRET_VARIABLES.stream()
                .filter(v -> v.equals(snake) || v.endsWith("_" + snake))
                .collect(Collectors.toList());
        return String.join(" or ", matching.isEmpty() ? SECRET_VARIABLES : matching);
    }

    /** The known key a typo most likely meant (edit distance 2 or less, case ignored), or null. */
    private static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 0 : location.getLineNr();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
