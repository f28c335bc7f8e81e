package dev.cfcheck.check;

import java.util.List;

/**
 * What makes two checks the same check: the target, the origins, the resolver and the options that change
 * what the probes do. Per-domain settings are not part of it: they come from the config, which is the same
 * for every request of one process.
 */
record CacheKey(
        String host,
        String scheme,
        Integer port,
        String path,
        List<String> origins,
        String resolver,
        boolean allowPrivate,
        long timeoutMs) {

    static CacheKey of(CheckRequest request) {
        return new CacheKey(
                request.target().host(),
                request.target().scheme(),
                request.target().port(),
                request.target().path(),
                request.origins().stream().map(Object::toString).toList(),
                request.resolver() == null ? null : request.resolver().toString(),
                request.allowPrivate(),
                request.timeout().toMillis());
    }
}
