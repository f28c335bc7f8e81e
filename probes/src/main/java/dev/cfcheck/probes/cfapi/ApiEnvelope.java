package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every v4 API answer: {@code success}, {@code errors} and {@code messages} (code and text), the
 * {@code result} (an object or a list), and {@code result_info} for a list's paging.
 *
 * @param <T> the type of {@code result}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiEnvelope<T>(
        boolean success,
        List<ApiMessage> errors,
        List<ApiMessage> messages,
        T result,
        @JsonProperty("result_info") ResultInfo resultInfo) {

    ApiEnvelope {
        errors = errors == null ? List.of() : errors;
        messages = messages == null ? List.of() : messages;
    }
}
