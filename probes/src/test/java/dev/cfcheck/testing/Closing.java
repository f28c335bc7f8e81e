package dev.cfcheck.testing;

import java.io.Closeable;
import java.io.IOException;

/** Closing fixture sockets at the end of a test, where a failure to close changes nothing. */
final class Closing {
    private Closing() {
    }

    static void quietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // The test is over; the OS reclaims the socket either way.
        }
    }
}
