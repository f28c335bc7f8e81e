package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One zone setting as {@code GET /zones/{id}/settings/{setting_id}} gives it: its {@code id} and its
 * {@code value} (a string for the settings read here: {@code ssl} is off, flexible, full or strict).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiZoneSetting(String id, JsonNode value) {

    /** The value when it is a string, else {@code null}. */
    String text() {
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
