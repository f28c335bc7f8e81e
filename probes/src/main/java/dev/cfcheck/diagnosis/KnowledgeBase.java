package dev.cfcheck.diagnosis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Meaning, severity, rank and next steps of every {@link Kind}, and of the Cloudflare and DNS codes, read from
 * the one data resource {@code knowledge.yaml} beside this class. Immutable once loaded.
 */
public final class KnowledgeBase {

    static final String RESOURCE = "knowledge.yaml";

    private final Map<Kind, KindKnowledge> kinds;
    private final Map<String, CodeKnowledge> codes;
    private final CodeKnowledge unknownCode;
    private final TextTemplate originUnknownNotice;
    private final StepTemplate originUnknownStep;
    private final TextTemplate inferredNotice;
    private final TextTemplate tunnelNotice;
    private final List<StepTemplate> tunnelSteps;
    private final Map<Placeholder, String> fallbacks;

    private KnowledgeBase(Map<Kind, KindKnowledge> kinds, Map<String, CodeKnowledge> codes, CodeKnowledge unknownCode,
                          TextTemplate originUnknownNotice, StepTemplate originUnknownStep, TextTemplate inferredNotice,
                          TextTemplate tunnelNotice, List<StepTemplate> tunnelSteps, Map<Placeholder, String> fallbacks) {
        this.kinds = Collections.unmodifiableMap(kinds);
        this.codes = Collections.unmodifiableMap(codes);
        this.unknownCode = unknownCode;
        this.originUnknownNotice = originUnknownNotice;
        this.originUnknownStep = originUnknownStep;
        this.inferredNotice = inferredNotice;
        this.tunnelNotice = tunnelNotice;
        this.tunnelSteps = List.copyOf(tunnelSteps);
        this.fallbacks = Collections.unmodifiableMap(fallbacks);
    }

    /** The bundled knowledge base, read and checked once per JVM. */
    public static KnowledgeBase load() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final KnowledgeBase INSTANCE = read();

        private static KnowledgeBase read() {
            try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Reads and checks a knowledge file.
     *
     * @throws IllegalStateException naming the entry at fault (a missing kind, an unknown step or placeholder...)
     * @throws UncheckedIOException  when the YAML cannot be read or has an unknown key
     */
    static KnowledgeBase parse(InputStream yaml) {
        KnowledgeFile file;
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            file = mapper.readValue(yaml, KnowledgeFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
        return new Reader(file).read();
    }

    public KindKnowledge kind(Kind kind) {
        return kinds.get(kind);
    }

    /** The entry of a code ("522", "1020", "NXDOMAIN"), its aliases included. */
    public Optional<CodeKnowledge> code(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
    }

    /** The entry used for a code the knowledge base does not know; its name and meaning use {code}. */
    public CodeKnowledge unknownCode() {
        return unknownCode;
    }

    /** The kind a Cloudflare code leads to; codes without an entry are {@link Kind#CLOUDFLARE_ERROR}. */
    public Kind kindOfCode(String code) {
        return code(code).map(CodeKnowledge::kind).orElse(Kind.CLOUDFLARE_ERROR);
    }

    public Collection<CodeKnowledge> codes() {
        return codes.values();
    }

    public TextTemplate originUnknownNotice() {
        return originUnknownNotice;
    }

    public StepTemplate originUnknownStep() {
        return originUnknownStep;
    }

    public TextTemplate inferredNotice() {
        return inferredNotice;
    }

    /** Said instead of the origin-unknown notice when the host is routed to a Cloudflare Tunnel: no origin address exists. */
    public TextTemplate tunnelNotice() {
        return tunnelNotice;
    }

    /** The steps for a tunnel's connectors, in place of asking for an origin address. */
    public List<StepTemplate> tunnelSteps() {
        return tunnelSteps;
    }

    /** Prose for placeholders whose value is unknown. */
    public Map<Placeholder, String> fallbacks() {
        return fallbacks;
    }

    /** Turns the raw file into checked, parsed entries; every complaint names where in the file it is. */
    private static final class Reader {
        private final KnowledgeFile file;
        private final Map<String, StepTemplate> library = new HashMap<>();

        Reader(KnowledgeFile file) {
            this.file = file;
        }

        KnowledgeBase read() {
            Map<String, KnowledgeFile.Step> shared = require(file.steps(), "steps");
            shared.forEach((name, step) -> {
                if (step.use() != null) {
                    throw fail("steps." + name + ": a shared step cannot 'use' another");
                }
                library.put(name, step(step, "steps." + name));
            });

            Map<Kind, KindKnowledge> kinds = new EnumMap<>(Kind.class);
            Map<Kind, KnowledgeFile.KindEntry> rawKinds = require(file.kinds(), "kinds");
            Map<Integer, Kind> ranks = new HashMap<>();
            for (Kind kind : Kind.values()) {
                KnowledgeFile.KindEntry e = rawKinds.get(kind);
                String at = "kinds." + kind;
                if (e == null) {
                    throw fail(at + ": missing (every Kind needs an entry)");
                }
                KindKnowledge k = kind(kind, e, at);
                Kind clash = ranks.put(k.rank(), kind);
                if (clash != null) {
                    throw fail(at + ".rank: " + k.rank() + " is also the rank of " + clash + " (ranks must differ)");
                }
                kinds.put(kind, k);
            }

            Map<String, CodeKnowledge> codes = new LinkedHashMap<>();
            require(file.codes(), "codes").forEach((code, e) -> {
                String at = "codes." + code;
                CodeKnowledge c = code(code, e, at);
                putCode(codes, code, c, at);
                for (String alias : e.aliases() == null ? List.<String>of() : e.aliases()) {
                    putCode(codes, alias, new CodeKnowledge(alias, c.kind(), c.name(), c.meaning(), c.causes(), c.steps()), at);
                }
            });
            KnowledgeFile.CodeEntry unknown = require(file.unknownCode(), "unknownCode");
            CodeKnowledge unknownCode = new CodeKnowledge(null, Kind.CLOUDFLARE_ERROR,
                    text(unknown.name(), "unknownCode.name"), text(unknown.meaning(), "unknownCode.meaning"), List.of(), List.of());

            KnowledgeFile.OriginUnknown ou = require(file.originUnknown(), "originUnknown");
            KnowledgeFile.Inferred inf = require(file.inferred(), "inferred");
            KnowledgeFile.Tunnel tunnel = require(file.tunnel(), "tunnel");
            List<StepTemplate> tunnelSteps = steps(tunnel.steps(), "tunnel.steps");
            if (tunnelSteps.isEmpty()) {
                throw fail("tunnel.steps: the tunnel notice needs at least one step");
            }

            Map<Placeholder, String> fallbacks = new EnumMap<>(Placeholder.class);
            require(file.fallbacks(), "fallbacks").forEach((name, text) -> {
                Placeholder p = Placeholder.byName(name);
                if (p == null) {
                    throw fail("fallbacks." + name + ": not a placeholder");
                }
                fallbacks.put(p, text);
            });

            return new KnowledgeBase(kinds, codes, unknownCode,
                    text(ou.notice(), "originUnknown.notice"),
                    step(require(ou.step(), "originUnknown.step"), "originUnknown.step"),
                    text(inf.notice(), "inferred.notice"),
                    text(tunnel.notice(), "tunnel.notice"),
                    tunnelSteps,
                    fallbacks);
        }

        private KindKnowledge kind(Kind kind, KnowledgeFile.KindEntry e, String at) {
            List<StepTemplate> steps = steps(e.steps(), at + ".steps");
            if (steps.isEmpty()) {
                throw fail(at + ".steps: every kind needs at least one next step");
            }
            Map<String, KindKnowledge.Variant> variants = new LinkedHashMap<>();
            if (e.variants() != null) {
                e.variants().forEach((key, v) -> {
                    String vat = at + ".variants." + key;
                    variants.put(key, new KindKnowledge.Variant(v.severity(), v.usesOrigin(),
                            v.title() == null ? null : text(v.title(), vat + ".title"),
                            v.summary() == null ? null : text(v.summary(), vat + ".summary"),
                            steps(v.steps(), vat + ".steps")));
                });
            }
            return new KindKnowledge(kind,
                    require(e.severity(), at + ".severity"),
                    require(e.rank(), at + ".rank"),
                    text(e.title(), at + ".title"),
                    text(e.summary(), at + ".summary"),
                    Boolean.TRUE.equals(e.describeCode()),
                    Boolean.TRUE.equals(e.usesOrigin()),
                    steps, variants);
        }

        private CodeKnowledge code(String code, KnowledgeFile.CodeEntry e, String at) {
            return new CodeKnowledge(code,
                    require(e.kind(), at + ".kind"),
                    text(e.name(), at + ".name"),
                    text(e.meaning(), at + ".meaning"),
                    e.causes() == null ? List.of() : e.causes(),
                    steps(e.steps(), at + ".steps"));
        }

        private static void putCode(Map<String, CodeKnowledge> codes, String code, CodeKnowledge c, String at) {
            if (codes.putIfAbsent(code, c) != null) {
                throw fail(at + ": code " + code + " is defined twice");
            }
        }

        private List<StepTemplate> steps(List<KnowledgeFile.Step> raw, String at) {
            List<StepTemplate> out = new ArrayList<>();
            if (raw == null) {
                return out;
            }
            for (int i = 0; i < raw.size(); i++) {
                KnowledgeFile.Step s = raw.get(i);
                String sat = at + "[" + i + "]";
                if (s.use() != null) {
                    if (s.text() != null || s.command() != null) {
                        throw fail(sat + ": 'use' stands alone (no text or command beside it)");
                    }
                    StepTemplate shared = library.get(s.use());
                    if (shared == null) {
                        throw fail(sat + ": unknown shared step '" + s.use() + "'");
                    }
                    out.add(shared);
                } else {
                    out.add(step(s, sat));
                }
            }
            return out;
        }

        private static StepTemplate step(KnowledgeFile.Step s, String at) {
            TextTemplate text = text(s.text(), at + ".text");
            try {
                return new StepTemplate(text, s.command() == null ? null : CommandTemplate.parse(s.command().strip()));
            } catch (IllegalArgumentException e) {
                throw fail(at + ".command: " + e.getMessage());
            }
        }

        private static TextTemplate text(String s, String at) {
            if (s == null || s.isBlank()) {
                throw fail(at + ": missing or empty");
            }
            try {
                return TextTemplate.parse(s);
            } catch (IllegalArgumentException e) {
                throw fail(at + ": " + e.getMessage());
            }
        }

        private static <T> T require(T value, String at) {
            if (value == null) {
                throw fail(at + ": missing");
            }
            return value;
        }

        private static IllegalStateException fail(String message) {
            return new IllegalStateException(RESOURCE + ": " + message);
        }
    }
}
