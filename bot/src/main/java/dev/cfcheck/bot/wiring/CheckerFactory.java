package dev.cfcheck.bot.wiring;

import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.check.LiveProbes;
import dev.cfcheck.check.ProbeList;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.probes.status.StatusPageClient;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.SafeAddressPolicy;
import java.time.Clock;
import okhttp3.HttpUrl;

/** Builds the one {@link Checker} of a process from its settings: the live probes, the knowledge base, the cache. */
public final class CheckerFactory {

    private CheckerFactory() {
    }

    public static Checker create(RuntimeSettings settings) {
        return create(settings, StatusPageUrl.from(System.getenv()));
    }

    /** @param statusPage Cloudflare's status page, or {@code null} to leave it out */
    public static Checker create(RuntimeSettings settings, HttpUrl statusPage) {
        CloudflareRanges ranges = settings.rangesFile() == null
                ? CloudflareRanges.bundled()
                : CloudflareRanges.load(settings.rangesFile());
        TrustMaterial trust = settings.caFile() == null
                ? TrustMaterial.jvmDefault()
                : TrustMaterial.withExtraCas(settings.caFile());
        AddressPolicy safe = SafeAddressPolicy.forChecks(false);
        ProbeList probes = LiveProbes.create(settings.resolver(), ranges, trust, safe,
                statusPage == null ? null : new StatusPageClient(statusPage));
        CheckerSettings checkerSettings = new CheckerSettings(
                settings.cacheTtl(), settings.cacheMaxSize(), CheckerSettings.DEFAULTS.maxParallelChecks(),
                settings.thresholds(), settings.followUp(), CheckerSettings.DEFAULTS.maxQueuedChecks());
        return new Checker(probes, safe, new Diagnoser(KnowledgeBase.load()), checkerSettings, Clock.systemUTC());
    }
}
