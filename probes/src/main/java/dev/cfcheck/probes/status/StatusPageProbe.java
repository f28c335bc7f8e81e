package dev.cfcheck.probes.status;

import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads Cloudflare's status page beside the other probes, so that a failing check can say whether Cloudflare
 * itself reports an incident ("them or us"). Runs only for a host on Cloudflare, never waits past the check's
 * deadline (the fetch goes on and fills the shared cache for the next check), and is never a fault of the site.
 */
public final class StatusPageProbe implements Probe<StatusResult> {

    /** The report's {@code probes.status}. */
    public static final ProbeKey<StatusResult> KEY = new ProbeKey<>("status", new StatusDescriber());

    private final StatusPageClient client;

    /** @param client the shared status page client, or {@code null} when the status page is off */
    public StatusPageProbe(StatusPageClient client) {
        this.client = client;
    }

    @Override
    public ProbeKey<StatusResult> key() {
        return KEY;
    }

    @Override
    public ProbeOutcome<StatusResult> run(ProbeContext context) {
        DnsResult dns = context.earlier().get(DnsProbe.KEY);
        if (client == null || dns == null || !dns.proxied()) {
            return ProbeOutcome.notRun(); // off Cloudflare its status is not this site's
        }
        try {
            return ProbeOutcome.of(client.summary()
                    .get(context.deadline().remaining().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return ProbeOutcome.of(new StatusResult(client.url(), null,
                    new Failure(Failure.Kind.DEADLINE, "no answer before the check's deadline")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.of(new StatusResult(client.url(), null,
                    new Failure(Failure.Kind.DEADLINE, "interrupted")));
        } catch (ExecutionException e) {
            return ProbeOutcome.of(new StatusResult(client.url(), null,
                    new Failure(Failure.Kind.OTHER, "not read")));
        }
    }
}
