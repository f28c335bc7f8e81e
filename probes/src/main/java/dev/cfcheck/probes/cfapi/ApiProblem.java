package dev.cfcheck.probes.cfapi;

/**
 * Why a lookup in the Cloudflare API gave nothing (or less than everything). Never a fault of the site: the
 * diagnosis turns it into a note on the card, and the check goes on with what is public.
 *
 * @param kind              what went wrong, in the words the card uses
 * @param during            the step: "zone lookup", "DNS records" or "zone settings"
 * @param status            the HTTP status, or {@code null} when no answer came
 * @param code              the first Cloudflare error code ({@code errors[0].code}, e.g. 9109, 10000), or {@code null}
 * @param message           its text, one bounded line (it comes from the network), or our own words
 * @param retryAfterSeconds for {@link Kind#RATE_LIMITED}: when the API takes requests again, else {@code null}
 */
public record ApiProblem(Kind kind, String during, Integer status, Integer code, String message, Long retryAfterSeconds) {

    public enum Kind {
        /** 401, 400 with a malformed Authorization header, or 9109: the token is wrong, revoked, or not for this address. */
        INVALID_TOKEN,
        /** 403 (10000 "Authentication error"): a scope is missing, or the zone is in an account the token cannot see. */
        NOT_PERMITTED,
        /** No zone for the host or any parent name among the zones the token can read. */
        ZONE_NOT_FOUND,
        /** 429: over the API's rate limit (1200 requests per 5 minutes per user); {@code Retry-After} says until when. */
        RATE_LIMITED,
        /** No answer by the share of the deadline the API has. */
        TIMEOUT,
        /** The API could not be reached, or answered 5xx. */
        UNAVAILABLE,
        /** An answer that is not the API's JSON, or {@code success: false} for another reason. */
        BAD_ANSWER
    }

    /** "zone settings: 403, 10000 Authentication error". */
    public String line() {
        StringBuilder b = new StringBuilder(during).append(": ");
        if (status != null) {
            b.append(status);
        }
        if (code != null) {
            b.append(status != null ? ", " : "").append(code);
        }
        if (message != null) {
            b.append(status != null || code != null ? " " : "").append(message);
        }
        if (retryAfterSeconds != null) {
            b.append(" (retry after ").append(retryAfterSeconds).append(" s)");
        }
        return b.toString();
    }
}
