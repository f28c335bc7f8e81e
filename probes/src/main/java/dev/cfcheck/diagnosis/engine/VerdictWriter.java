package dev.cfcheck.diagnosis.engine;

import dev.cfcheck.diagnosis.CodeKnowledge;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.KindKnowledge;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.StepTemplate;
import dev.cfcheck.diagnosis.TemplateValues;
import dev.cfcheck.diagnosis.TextTemplate;
import dev.cfcheck.diagnosis.Verdict;

import dev.cfcheck.diagnosis.rules.Candidate;
import dev.cfcheck.diagnosis.rules.CloudflareCodes;
import dev.cfcheck.diagnosis.rules.Observations;
import dev.cfcheck.diagnosis.rules.ProbeEvidence;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Words a candidate with the knowledge base: title, summary, severity and next steps, the templates filled
 * with the real host, path and addresses (or {@code $ORIGIN_IP} when the origin is unknown).
 */
final class VerdictWriter {

    private final KnowledgeBase knowledge;

    VerdictWriter(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    Verdict verdict(Candidate c, Observations seen) {
        Wording w = word(c, seen);
        LinkedHashSet<String> evidence = new LinkedHashSet<>(ProbeEvidence.lines(seen));
        evidence.addAll(c.evidence());
        return new Verdict(c.kind(), c.code(), c.inferred(), w.severity, w.title, w.summary,
                new ArrayList<>(evidence), w.steps);
    }

    Finding finding(Candidate c, Observations seen) {
        Wording w = word(c, seen);
        return new Finding(c.kind(), c.code(), w.severity, w.title, w.summary);
    }

    int rank(Candidate c) {
        return knowledge.kind(c.kind()).rank();
    }

    private record Wording(Severity severity, String title, String summary, List<NextStep> steps) {
    }

    private Wording word(Candidate c, Observations seen) {
        KindKnowledge kind = knowledge.kind(c.kind());
        KindKnowledge.Variant variant = c.variant() == null ? null : kind.variants().get(c.variant());
        TemplateValues values = baseValues(seen).overriddenBy(c.values());
        Map<Placeholder, String> fallbacks = knowledge.fallbacks();

        CodeKnowledge code = null;
        if (kind.describeCode()) {
            code = knowledge.code(c.code()).orElse(knowledge.unknownCode());
            TemplateValues forCode = values.with(Placeholder.CODE, c.code() == null ? "none" : c.code());
            values = forCode.with(Placeholder.CODE_NAME, code.name().fill(forCode, fallbacks))
                    .with(Placeholder.CODE_MEANING, code.meaning().fill(forCode, fallbacks));
        } else {
            values = values.with(Placeholder.CODE, c.code() == null ? "none" : c.code())
                    .with(Placeholder.CODE_NAME, c.code() == null ? "none" : c.code())
                    .with(Placeholder.CODE_MEANING, "");
        }

        Severity severity = variant != null && variant.severity() != null ? variant.severity() : kind.severity();
        TextTemplate title = variant != null && variant.title() != null ? variant.title() : kind.title();
        boolean ownSummary = variant != null && variant.summary() != null;
        TextTemplate summaryTemplate = ownSummary ? variant.summary() : kind.summary();
        boolean usesOrigin = variant != null && variant.usesOrigin() != null ? variant.usesOrigin() : kind.usesOrigin();
        boolean originUnknown = usesOrigin && !seen.originKnown();
        // A Cloudflare Tunnel has no origin address: never ask for one, point at the tunnel's connectors instead.
        boolean tunnel = originUnknown && seen.tunnel() != null;

        StringBuilder summary = new StringBuilder(summaryTemplate.fill(values, fallbacks));
        if (code != null && !ownSummary && !code.causes().isEmpty()) {
            summary.append(" Usual causes: ").append(String.join("; ", code.causes())).append('.');
        }
        if (c.inferred()) {
            summary.append(' ').append(knowledge.inferredNotice().fill(values, fallbacks));
        }
        if (tunnel) {
            summary.append(' ').append(knowledge.tunnelNotice().fill(values, fallbacks));
        } else if (originUnknown) {
            summary.append(' ').append(knowledge.originUnknownNotice().fill(values, fallbacks));
        }

        List<StepTemplate> templates = new ArrayList<>();
        if (tunnel) {
            templates.addAll(knowledge.tunnelSteps());
        } else if (originUnknown) {
            templates.add(knowledge.originUnknownStep());
        }
        if (code != null) {
            templates.addAll(code.steps());
        }
        templates.addAll(variant != null && !variant.steps().isEmpty() ? variant.steps() : kind.steps());
        if (tunnel) {
            // Steps that need the origin's address do not apply: there is none behind a tunnel.
            templates.removeIf(t -> t.command() != null && t.command().placeholders().contains(Placeholder.IP));
        }
        LinkedHashSet<NextStep> steps = new LinkedHashSet<>();
        for (StepTemplate t : templates) {
            steps.add(t.render(values, fallbacks));
        }
        return new Wording(severity, title.fill(values, fallbacks), summary.toString().strip(), new ArrayList<>(steps));
    }

    /** "10 s" for a whole number of seconds (as deadlines are usually given), else "2.5 s", "800 ms". */
    private static String deadline(java.time.Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : Words.duration(timeout);
    }

    /** The values every verdict can use; a rule's own values override them. */
    private static TemplateValues baseValues(Observations seen) {
        Target target = seen.target();
        int port = target.port() != null ? target.port() : "http".equals(target.scheme()) ? 80 : 443;
        String url = ("http".equals(target.scheme()) ? "http" : "https") + "://" + target.authority() + target.path();
        TemplateValues v = TemplateValues.EMPTY
                .with(Placeholder.PATH, target.path())
                .with(Placeholder.URL, url)
                .with(Placeholder.PORT, String.valueOf(port))
                .with(Placeholder.ORIGIN_PORT, String.valueOf(seen.originPort() != null ? seen.originPort() : port))
                .with(Placeholder.SLOW_THRESHOLD, Words.duration(seen.thresholds().slowFirstByte()))
                .with(Placeholder.CERT_THRESHOLD, String.valueOf(seen.thresholds().certExpiryDays()))
                .with(Placeholder.DEADLINE, deadline(seen.input().timeout()));
        // An IP-literal target is an address: an IPv6 one then gets brackets inside URLs.
        TemplateValues withHost = v.withAddress(Placeholder.HOST, target.host());
        v = withHost.has(Placeholder.HOST) ? withHost : v.with(Placeholder.HOST, target.host());

        String origin = seen.originAddress();
        TemplateValues withIp = v.withAddress(Placeholder.IP, origin);
        v = withIp.has(Placeholder.IP) ? withIp : v.withShellVariable(Placeholder.IP, TemplateValues.ORIGIN_IP_VARIABLE);
        if (seen.tunnel() != null) {
            v = v.with(Placeholder.TUNNEL, seen.tunnel());
        }

        v = v.withAddress(Placeholder.EDGE_IP, seen.edgeAddress());
        DnsResult dns = seen.dns();
        v = v.with(Placeholder.ZONE, dns != null && dns.zone() != null ? dns.zone() : target.host());
        HttpExchange x = seen.primary();
        if (x != null) {
            String ray = CloudflareCodes.rayId(x);
            v = v.with(Placeholder.RAY, OneLine.of(ray, 40)).with(Placeholder.COLO, OneLine.of(x.colo(), 40));
        }
        if (seen.sslMode() != null) {
            v = v.with(Placeholder.SSL_MODE, seen.sslMode().label());
        }
        return v;
    }
}
