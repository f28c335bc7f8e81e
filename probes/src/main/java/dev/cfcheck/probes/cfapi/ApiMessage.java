package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of an answer's {@code errors} or {@code messages}: a Cloudflare code (1000 and up) and its text.
 * Other fields ({@code documentation_url}, {@code source}, {@code error_chain}) are not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiMessage(Integer code, String message) {
}
