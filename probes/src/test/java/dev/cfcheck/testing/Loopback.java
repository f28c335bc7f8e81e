package dev.cfcheck.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** 127.0.0.1, spelled out so that no fixture ends up on ::1 or a real interface by a JVM default. */
public final class Loopback {
    public static final InetAddress ADDRESS = ipv4();

    private Loopback() {
    }

    private static InetAddress ipv4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
