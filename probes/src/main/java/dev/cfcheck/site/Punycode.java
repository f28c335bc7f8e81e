package dev.cfcheck.site;

/**
 * Decodes punycode labels (RFC 3492) to show a host name to people. Only decoding: encoding is done by
 * OkHttp's UTS-46 mapping in {@link TargetParser}.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;
    private static final String ACE_PREFIX = "xn--";

    private Punycode() {
    }

    /** The host with every "xn--" label decoded; a label that does not decode is kept as it is. */
    static String toUnicode(String asciiHost) {
        StringBuilder sb = new StringBuilder();
        for (String label : asciiHost.split("\\.", -1)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            String decoded = label.startsWith(ACE_PREFIX) ? decode(label.substring(ACE_PREFIX.length())) : null;
            sb.append(decoded != null ? decoded : label);
        }
        return sb.toString();
    }

    /** RFC 3492 section 6.2; {@code null} when the input is not valid punycode. */
    static String decode(String input) {
        int delimiter = input.lastIndexOf('-');
        StringBuilder out = new StringBuilder();
        int codePoints = 0;
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            char c = input.charAt(j);
            if (c >= 128) {
                return null;
            }
            out.append(c);
            codePoints++;
        }
        int n = INITIAL_N;
        int bias = INITIAL_BIAS;
        long i = 0;
        int in = delimiter > 0 ? delimiter + 1 : 0;
        while (in < input.length()) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= input.length()) {
                    return null;
                }
                int digit = digit(input.charAt(in++));
                if (digit < 0) {
                    return null;
                }
                i += digit * w;
                if (i > Integer.MAX_VALUE) {
                    return null;
                }
                int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    return null;
                }
            }
            codePoints++;
            bias = adapt(i - oldI, codePoints, oldI == 0);
            long next = n + i / codePoints;
            if (next > Character.MAX_CODE_POINT) {
                return null;
            }
            n = (int) next;
            i %= codePoints;
            out.insert(out.offsetByCodePoints(0, (int) i), Character.toChars(n));
            i++;
        }
        return out.toString();
    }

    private static int adapt(long delta, int numPoints, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / numPoints;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return -1;
    }
}
