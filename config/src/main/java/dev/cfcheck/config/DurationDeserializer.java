package dev.cfcheck.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Reads {@code 10s}, {@code 1500ms}, {@code 2m} or a bare number of seconds through {@link DurationParser}. */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {

    private static final long serialVersionUID = 1L;

    DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        try {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> DurationParser.ofSeconds(p.getDecimalValue());
                case VALUE_STRING -> DurationParser.parse(p.getText());
                default -> throw new IllegalArgumentException("expected a duration such as 10s, 1500ms or 2m");
            };
        } catch (IllegalArgumentException e) {
            // The path to the key is added by Jackson as the exception travels up.
            throw new BadValue(KeyPath.ROOT, e.getMessage());
        }
    }
}
