package dev.cfcheck.probes.cfapi;

/**
 * A record of the checked host as the Cloudflare API lists it: an A, AAAA or CNAME.
 *
 * @param type    {@code A}, {@code AAAA} or {@code CNAME}
 * @param name    the record's name (a wildcard such as {@code *.example.com} when that is what covers the host)
 * @param content the address, or the CNAME's target
 * @param proxied traffic goes through Cloudflare ("orange cloud"); {@code false}: DNS only
 */
public record ApiRecord(String type, String name, String content, boolean proxied) {

    /** "record A shop.example.com", as the card names it. */
    public String label() {
        return "record " + type + " " + name;
    }
}
