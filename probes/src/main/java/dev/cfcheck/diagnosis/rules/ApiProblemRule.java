package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.cfapi.ApiProblem;
import dev.cfcheck.probes.cfapi.CloudflareApiResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Cloudflare API could not say becomes a note beside the verdict, one per kind of trouble, with the
 * fix for the token: {@link Kind#CLOUDFLARE_API}, ranked below every verdict. Code: the API's error code
 * (9109, 10000), else the HTTP status.
 */
public final class ApiProblemRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        CloudflareApiResult api = seen.api();
        if (api == null) {
            return List.of();
        }
        Set<String> variants = new LinkedHashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (ApiProblem p : api.problems()) {
            String variant = variant(p.kind());
            if (variants.add(variant)) {
                String code = p.code() != null ? String.valueOf(p.code()) : p.status() != null ? String.valueOf(p.status()) : null;
                out.add(Candidate.of(Kind.CLOUDFLARE_API, code).withVariant(variant));
            }
        }
        return out;
    }

    private static String variant(ApiProblem.Kind kind) {
        return switch (kind) {
            case INVALID_TOKEN -> "invalid-token";
            case NOT_PERMITTED -> "not-permitted";
            case ZONE_NOT_FOUND -> "zone-not-found";
            case RATE_LIMITED -> "rate-limited";
            case TIMEOUT, UNAVAILABLE, BAD_ANSWER -> "unavailable";
        };
    }
}
