package dev.cfcheck.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in the file: property names (String) and list indexes (Integer) from the top, shown as
 * {@code domains.example.com.origins[1]}. It is the common currency between Jackson's error paths, the
 * records' validation and the line numbers of {@link KeyLines}.
 */
record KeyPath(List<Object> segments) {

    static final KeyPath ROOT = new KeyPath(List.of());

    KeyPath {
        segments = List.copyOf(segments);
    }

    static KeyPath of(Object... segments) {
        return new KeyPath(List.of(segments));
    }

    KeyPath resolve(KeyPath child) {
        List<Object> all = new ArrayList<>(segments);
        all.addAll(child.segments);
        return new KeyPath(all);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    KeyPath parent() {
        return isRoot() ? this : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    @Override
    public String toString() {
        StringBuilder dotted = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                dotted.append('[').append(index).append(']');
            } else {
                if (dotted.length() > 0) {
                    dotted.append('.');
                }
                dotted.append(segment);
            }
        }
        return dotted.toString();
    }
}
