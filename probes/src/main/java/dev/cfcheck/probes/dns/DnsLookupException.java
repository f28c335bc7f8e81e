package dev.cfcheck.probes.dns;

import java.net.UnknownHostException;

/** A host that did not resolve to any address, with the DNS outcome that says why (NXDOMAIN, TIMEOUT...). */
public final class DnsLookupException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    private final DnsStatus status;

    public DnsLookupException(DnsStatus status, String message) {
        super(message);
        this.status = status;
    }

    public DnsStatus status() {
        return status;
    }
}
