package dev.cfcheck.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key and list item in the file, read from Jackson's token stream in a first pass.
 *
 * <p>Why a first pass: Jackson reports the location of the token it was reading when a problem surfaced,
 * which for a record is often the end of its mapping, and for a mapping-valued key the line below it. The
 * path in its exceptions is exact, so errors are located by path here instead.
 */
final class KeyLines {

    private final Map<KeyPath, Integer> lines;
    private final boolean empty;
    private final int secondDocumentLine;

    private KeyLines(Map<KeyPath, Integer> lines, boolean empty, int secondDocumentLine) {
        this.lines = lines;
        this.empty = empty;
        this.secondDocumentLine = secondDocumentLine;
    }

    /** Reads every token of the parser, so YAML syntax errors and duplicate keys surface here, as Jackson exceptions. */
    static KeyLines scan(JsonParser p) throws IOException {
        Map<KeyPath, Integer> lines = new HashMap<>();
        int topLevelValues = 0;
        int secondDocumentLine = 0;
        boolean onlyNull = true;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t.isStructEnd()) {
                continue;
            }
            // A new mapping or list has opened its own context: its position is in the parent's.
            JsonStreamContext where = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
            int line = p.currentTokenLocation().getLineNr();
            if (where.inRoot()) {
                topLevelValues++;
                if (topLevelValues == 2) {
                    secondDocumentLine = line;
                }
                onlyNull = t == JsonToken.VALUE_NULL;
            }
            lines.putIfAbsent(pathOf(where), line);
        }
        return new KeyLines(Collections.unmodifiableMap(lines), topLevelValues == 0 || onlyNull, secondDocumentLine);
    }

    /**
     * The line where a second YAML document starts, or 0. The loader refuses one: which document would apply
     * is anybody's guess.
     */
    int secondDocumentLine() {
        return secondDocumentLine;
    }

    /** True when the file holds no document or only a null one (comments, {@code ---}): all defaults. */
    boolean isEmpty() {
        return empty;
    }

    /** The line of the key, or of its nearest enclosing key that is in the file; 0 if none is. */
    int lineOf(KeyPath path) {
        for (KeyPath p = path; ; p = p.parent()) {
            Integer line = lines.get(p);
            if (line != null && line > 0) {
                return line;
            }
            if (p.isRoot()) {
                return 0;
            }
        }
    }

    private static KeyPath pathOf(JsonStreamContext context) {
        List<Object> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.add(c.getCurrentName());
            } else if (c.inArray()) {
                segments.add(c.getCurrentIndex());
            }
        }
        Collections.reverse(segments);
        return new KeyPath(segments);
    }
}
