package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import java.util.List;

/**
 * The URL asked for got a reply through the edge that broke: the connection closed inside the headers (or
 * before any reply), the body stopped short of its {@code Content-Length}, the chunks were broken. Never a pass.
 * When the origin, asked directly, breaks its reply too, Cloudflare is passing on a reply it could not use: the
 * code is inferred ({@link CloudflareCodes#inferFromBrokenEdge}, 520). Otherwise EDGE_BROKEN_REPLY names what
 * broke and how to tell whose it is.
 */
public final class BrokenReplyRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (x == null || x.failure() == null || x.failure().kind() != Failure.Kind.BROKEN_REPLY) {
            return List.of();
        }
        String edgeFailure = ProbeEvidence.label(x);
        OriginResult origin = seen.firstOrigin();
        CloudflareCodes.Inferred inferred = origin == null ? null : CloudflareCodes.inferFromBrokenEdge(seen.reach(origin));
        if (inferred == null) {
            return List.of(Candidate.of(Kind.EDGE_BROKEN_REPLY, x.failure().kind().name())
                    .withAddress(Placeholder.EDGE_IP, seen.edgeAddress())
                    .explaining(edgeFailure));
        }
        String why = "inferred " + inferred.code() + ": the reply through the edge broke, and origin "
                + Words.hostPort(origin.address(), seen.cloudflarePort(origin).port()) + " " + inferred.because();
        // The origin's broken reply is the evidence the code is inferred from: this verdict accounts for it.
        return List.of(Candidate.of(inferred.kind(), inferred.code()).asInferred().withEvidence(why)
                .withAddress(Placeholder.IP, origin.address())
                .explaining(edgeFailure, OriginsProbe.KEY.name()));
    }
}
