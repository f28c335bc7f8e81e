package dev.cfcheck.bot.router;

import java.security.SecureRandom;

/**
 * Short ids that tie a chat reply to its log line: 8 base32 characters (40 random bits), easy to read
 * out and quote. Also the key of a card's buttons, so it must not be guessable.
 */
public final class ReferenceId {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceId() {
    }

    public static String next() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        long bits = 0;
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xff);
        }
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(out);
    }

    /** True for something {@link #next()} could have made: button values come back from the platform. */
    public static boolean isWellFormed(String s) {
        return s != null && s.matches("[A-Z2-7]{8}");
    }
}
