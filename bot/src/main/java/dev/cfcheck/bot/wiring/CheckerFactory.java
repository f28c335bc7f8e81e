package dev.cfcheck.bot.wiring;

import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.check.LiveProbes;
import dev.cfcheck.check.ProbeList;
import dev.cfcheck.config.CloudflareApiSettings;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.probes.status.StatusPageClient;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.probes.cfapi.CloudflareApi;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one {@link Checker} of a process from its settings: the live probes (with the Cloudflare API when a
 * token is set), the knowledge base, the cache.
 */
public final class CheckerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerFactory.class);

    private CheckerFactory() {
    }

    /** Without the status page or Cloudflare API lookups (what is public, and nothing but the site). */
    public static Checker create(RuntimeSettings settings) {
        return create(settings, null, Optional.empty());
    }

    /**
     * The services the environment names: {@code CLOUDFLARE_STATUS_URL} (default Cloudflare's status page, "off"
     * for none) and {@code CLOUDFLARE_API_TOKEN}[_FILE] with {@code CLOUDFLARE_API_URL} (none without a token).
     */
    public static Checker create(RuntimeSettings settings, Map<String, String> environment) {
        return create(settings, StatusPageUrl.from(environment), CloudflareApiSettings.fromEnvironment(environment));
    }

    /**
     * @param statusPage    Cloudflare's status page, or {@code null} to leave it out
     * @param cloudflareApi the token and address for the optional Cloudflare API lookups, or empty
     */
    public static Checker create(RuntimeSettings settings, HttpUrl statusPage, Optional<CloudflareApiSettings> cloudflareApi) {
        CloudflareRanges ranges = settings.rangesFile() == null
                ? CloudflareRanges.bundled()
                : CloudflareRanges.load(settings.rangesFile());
        TrustMaterial trust = settings.caFile() == null
                ? TrustMaterial.jvmDefault()
                : TrustMaterial.withExtraCas(settings.caFile());
        AddressPolicy safe = SafeAddressPolicy.forChecks(false);
        CloudflareApi api = cloudflareApi.map(a -> CloudflareApi.create(a.baseUrl(), a.token().value())).orElse(null);
        cloudflareApi.ifPresent(a -> LOG.info("Cloudflare API lookups on: token from {}, {}", a.token().source(), a.baseUrl()));
        ProbeList probes = LiveProbes.create(settings.resolver(), ranges, trust, safe, LiveProbes.Options.DEFAULTS
                .withStatusPage(statusPage == null ? null : new StatusPageClient(statusPage))
                .withCloudflareApi(api));
        CheckerSettings checkerSettings = new CheckerSettings(
                settings.cacheTtl(), settings.cacheMaxSize(), CheckerSettings.DEFAULTS.maxParallelChecks(),
                settings.thresholds(), settings.followUp(), CheckerSettings.DEFAULTS.maxQueuedChecks());
        return new Checker(probes, safe, new Diagnoser(KnowledgeBase.load()), checkerSettings, Clock.systemUTC());
    }
}
