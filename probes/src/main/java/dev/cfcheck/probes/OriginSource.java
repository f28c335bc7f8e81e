package dev.cfcheck.probes;

import dev.cfcheck.site.OriginEndpoint;
import java.util.List;

/**
 * A probe that may name the origins of the target (the Cloudflare API: the address behind a proxied record).
 * The checker runs it beside the address probe (DNS), before the others, under a share of the deadline; when
 * the check was given no origin of its own ({@code origin=} or the config), the origin probes then try the
 * ones it names. Its context carries the origins given, so it can tell whether its own will be used, and
 * the safe-target policy, which every origin it names must pass.
 *
 * @param <R> its result type
 */
public interface OriginSource<R> extends Probe<R> {

    /** The origins its result names, already allowed by the check's policy; empty when none. */
    List<OriginEndpoint> originsOf(R result);
}
