package dev.cfcheck.diagnosis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command with {@code {placeholders}}, such as {@code openssl s_client -connect {ip}:{port} -servername {host}}.
 *
 * <p>Every filled value is shell-quoted for the spot it lands in: bare or single-quoted outside quotes,
 * {@code '\''}-escaped inside a single-quoted part of the template. Placeholders inside double quotes are
 * refused when the template is parsed (too many characters are live there). An IPv6 address that is part of a
 * larger word ({@code http://{ip}/}, {@code {ip}:443}) gets brackets; standing alone ({@code ufw allow from
 * {ip}}) it does not. Anything in braces that is not a bare name ({@code '{ 80, 443 }'},
 * {@code %{time_total}}, JSON) is literal text.
 */
public final class CommandTemplate {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    /**
     * @param insideSingleQuotes the template has it between single quotes
     * @param partOfWord         other characters of the same shell word touch it (a URL, "ip:port")
     * @param nameCharFollows    a letter, digit or underscore follows, so a shell variable needs braces
     */
    private record Slot(Placeholder name, boolean insideSingleQuotes, boolean partOfWord, boolean nameCharFollows)
            implements Part {
    }

    private final String source;
    private final List<Part> parts;
    private final Set<Placeholder> placeholders;

    private CommandTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        EnumSet<Placeholder> names = EnumSet.noneOf(Placeholder.class);
        for (Part p : parts) {
            if (p instanceof Slot s) {
                names.add(s.name());
            }
        }
        this.placeholders = Collections.unmodifiableSet(names);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming the problem: an unknown placeholder, a placeholder inside double
     *                                  quotes, or an unclosed quote
     */
    public static CommandTemplate parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (!single && c == '\\' && i + 1 < source.length()) {
                literal.append(c).append(source.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '{') {
                Matcher m = PLACEHOLDER.matcher(source).region(i, source.length());
                if (m.lookingAt()) {
                    Placeholder name = Placeholder.byName(m.group(1));
                    if (name == null) {
                        throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in command: " + source);
                    }
                    if (dbl) {
                        throw new IllegalArgumentException("placeholder {" + m.group(1)
                                + "} inside double quotes (use single quotes or none) in command: " + source);
                    }
                    if (literal.length() > 0) {
                        parts.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    int end = m.end();
                    boolean nameCharFollows = end < source.length() && isNameChar(source.charAt(end));
                    parts.add(new Slot(name, single, touchesWord(source, i, end), nameCharFollows));
                    i = end;
                    continue;
                }
            }
            literal.append(c);
            i++;
        }
        if (single || dbl) {
            throw new IllegalArgumentException("unclosed quote in command: " + source);
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new CommandTemplate(source, parts);
    }

    /** The placeholders this template uses. */
    public Set<Placeholder> placeholders() {
        return placeholders;
    }

    /** The template as written in the knowledge base. */
    public String source() {
        return source;
    }

    /** The command with every placeholder filled and quoted, or empty when a value it needs is unknown. */
    public Optional<String> fill(TemplateValues values) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
                continue;
            }
            Slot slot = (Slot) part;
            Optional<TemplateValues.Value> found = values.get(slot.name());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            out.append(render(found.get(), slot));
        }
        return Optional.of(out.toString());
    }

    private static String render(TemplateValues.Value value, Slot slot) {
        if (value.type() == TemplateValues.Value.Type.SHELL_VARIABLE) {
            String ref = slot.nameCharFollows() ? "${" + value.text() + "}" : "$" + value.text();
            // Inside single quotes the variable would not expand: step out, expand in double quotes, step back in.
            return slot.insideSingleQuotes() ? "'\"" + ref + "\"'" : ref;
        }
        String text = value.bracketable() && slot.partOfWord() ? "[" + value.text() + "]" : value.text();
        return slot.insideSingleQuotes() ? ShellQuote.insideSingleQuotes(text) : ShellQuote.quote(text);
    }

    /** True when a character of the same shell word sits right before or after [start, end), quotes aside. */
    private static boolean touchesWord(String s, int start, int end) {
        int before = start - 1;
        while (before >= 0 && isQuote(s.charAt(before))) {
            before--;
        }
        int after = end;
        while (after < s.length() && isQuote(s.charAt(after))) {
            after++;
        }
        return (before >= 0 && continuesWord(s.charAt(before))) || (after < s.length() && continuesWord(s.charAt(after)));
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private static boolean continuesWord(char c) {
        return !Character.isWhitespace(c) && "|&;()<>".indexOf(c) < 0;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    @Override
    public String toString() {
        return source;
    }
}
