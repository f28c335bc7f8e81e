package dev.cfcheck.site;

/** An address the safe-target policy does not allow (loopback, private, link-local, metadata...). */
public final class UnsafeAddressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsafeAddressException(String message) {
        super(message, null, false, false);
    }
}
