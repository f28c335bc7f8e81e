package dev.cfcheck.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cfcheck.check.ReportJson;
import java.util.Map;

/** {@code {"error": "..."}}: what {@code --json} prints on stdout when there is no report. */
final class JsonError {

    private JsonError() {
    }

    static String of(String message) {
        try {
            return ReportJson.mapper().writeValueAsString(Map.of("error", message == null ? "error" : message));
        } catch (JsonProcessingException e) {
            return "{\"error\": \"error\"}";
        }
    }
}
