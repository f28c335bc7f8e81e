package dev.cfcheck.probes;

import dev.cfcheck.site.Target;
import java.util.List;

/**
 * Turns one probe's result into words, in the one place those words live: the lines of evidence under a
 * verdict, the short fields of a card, the sections of Details, and the failures the diagnosis must explain.
 * Text that came from the network is made single-line and bounded here; escaping for a chat is the renderer's job.
 *
 * <p>Every method gets the target checked (for the host name in the words) and a result that is never
 * {@code null}: a probe that did not run is not described.
 *
 * @param <R> the probe's result type
 */
public interface Describer<R> {

    /** Short lines of fact, one per thing seen ("edge https: 522 from cloudflare (colo DTW, ray ...)"). */
    List<String> evidence(Target target, R result);

    /** The card's fields for this probe (label and a few short lines); several probes may share a label. */
    List<ProbeField> fields(Target target, R result);

    /** The card's fields when the probe did not run ("not checked: origin unknown"); none by default. */
    default List<ProbeField> notRun(Target target) {
        return List.of();
    }

    /** Titled groups of lines for Details (the full evidence, shown to the one person who asks). */
    List<ProbeSection> sections(Target target, R result);

    /** What failed, each to be explained by the verdict or a finding (an unexplained one makes the check inconclusive). */
    List<ProbeFailure> failures(Target target, R result);

    /**
     * Addresses in this result that a public card must not show: origin addresses, which a site behind Cloudflare
     * keeps private. None by default; the card replaces these with {@code $ORIGIN_IP}.
     */
    default List<String> privateAddresses(R result) {
        return List.of();
    }
}
