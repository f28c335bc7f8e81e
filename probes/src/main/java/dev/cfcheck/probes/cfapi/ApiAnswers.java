package dev.cfcheck.probes.cfapi;

import dev.cfcheck.probes.OneLine;
import java.util.List;
import java.util.Set;

/**
 * The one place an API answer that is not a result becomes an {@link ApiProblem}: which HTTP statuses and
 * Cloudflare error codes mean a bad token, a missing permission, a rate limit or an API in trouble.
 */
final class ApiAnswers {

    /** 9109: "Invalid access token", or "Cannot use the access token from location" (an IP-restricted token). */
    static final int INVALID_ACCESS_TOKEN = 9109;
    /** 6003 "Invalid request headers", with 6111 "Invalid format for Authorization header" in its chain. */
    static final int INVALID_HEADERS = 6003;
    static final int INVALID_AUTHORIZATION_FORMAT = 6111;
    /** 10000 "Authentication error": the token is valid but may not do this (scope, or another account's zone). */
    static final int AUTHENTICATION_ERROR = 10000;

    private static final Set<Integer> TOKEN_CODES = Set.of(INVALID_ACCESS_TOKEN, INVALID_HEADERS, INVALID_AUTHORIZATION_FORMAT);
    private static final int MESSAGE_CHARS = 160;

    private ApiAnswers() {
    }

    /**
     * The problem an answer with this status and these errors stands for.
     *
     * @param during     the step asked ("zone lookup")
     * @param status     the HTTP status
     * @param errors     the envelope's {@code errors}, or empty when the body was not the API's JSON
     * @param retryAfter seconds from {@code Retry-After}, or {@code null}
     */
    static ApiProblem problem(String during, int status, List<ApiMessage> errors, Long retryAfter) {
        ApiMessage first = errors.isEmpty() ? null : errors.get(0);
        Integer code = first == null ? null : first.code();
        String message = first == null ? null : OneLine.of(first.message(), MESSAGE_CHARS);
        ApiProblem.Kind kind;
        if (status == 429) {
            kind = ApiProblem.Kind.RATE_LIMITED;
        } else if (status == 401 || (code != null && TOKEN_CODES.contains(code))) {
            kind = ApiProblem.Kind.INVALID_TOKEN;
        } else if (status == 403) {
            kind = ApiProblem.Kind.NOT_PERMITTED;
        } else if (status >= 500) {
            kind = ApiProblem.Kind.UNAVAILABLE;
        } else {
            kind = ApiProblem.Kind.BAD_ANSWER;
        }
        return new ApiProblem(kind, during, status, code, message, kind == ApiProblem.Kind.RATE_LIMITED ? retryAfter : null);
    }

    /** Seconds from a {@code Retry-After} header (the API sends whole seconds), or {@code null} when absent or odd. */
    static Long retryAfter(String header) {
        if (header == null || !header.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Long.parseLong(header.strip());
    }
}
