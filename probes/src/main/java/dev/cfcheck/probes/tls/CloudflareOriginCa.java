package dev.cfcheck.probes.tls;

import java.security.cert.X509Certificate;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Recognises certificates issued by Cloudflare's Origin CA by their issuer name ("CloudFlare Origin SSL
 * Certificate Authority", and the "... ECC Certificate Authority" variant). Cloudflare trusts these on
 * the way to the origin; browsers and this JVM do not, so an "untrusted" verdict on one is expected and
 * fine in Full (strict) mode.
 */
final class CloudflareOriginCa {
    private static final Pattern NAME = Pattern.compile("cloudflare origin ssl (ecc )?certificate authority", Pattern.CASE_INSENSITIVE);

    private CloudflareOriginCa() {
    }

    /** True when the certificate's issuer CN or OU is one of the Origin CA's names. */
    static boolean issued(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getIssuerX500Principal().getName()).getRdns()) {
                String type = rdn.getType();
                if (("CN".equalsIgnoreCase(type) || "OU".equalsIgnoreCase(type))
                        && NAME.matcher(String.valueOf(rdn.getValue()).strip()).matches()) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false; // an issuer we cannot parse is not the Origin CA's well-formed name
        }
    }
}
