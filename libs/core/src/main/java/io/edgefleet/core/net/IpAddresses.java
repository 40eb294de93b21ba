package io.edgefleet.core.net;

import java.util.regex.Pattern;

/**
 * IP address syntax as a machine's static network configuration uses it: one rule for inventory
 * (which refuses what breaks it) and the agent (which refuses it at start, before every report).
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    /** An IPv4 or IPv6 address, without prefix length. */
    public static boolean isIp(String value) {
        return IPV4.matcher(value).matches() || (value.contains(":") && IPV6.matcher(value).matches());
    }

    /** A CIDR ({@code 10.0.0.0/24}) or a range ({@code a.b.c.d-e.f.g.h}). */
    public static boolean isCidrOrRange(String value) {
        String[] cidr = value.split("/");
        if (cidr.length == 2) {
            return isIp(cidr[0]) && cidr[1].matches("\\d{1,3}") && Integer.parseInt(cidr[1]) <= 128;
        }
        String[] range = value.split("-");
        return range.length == 2 && isIp(range[0].trim()) && isIp(range[1].trim());
    }
}
