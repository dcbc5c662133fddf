package nl.learnerwallet.model.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a credential may make us connect to: not loopback, private (RFC 1918, IPv6
 * unique local), link-local (which holds the cloud metadata service 169.254.169.254), carrier-grade
 * NAT, "this network", benchmarking, multicast or broadcast addresses. A credential names URLs
 * chosen by whoever made it; without this a wallet or server could be used to probe the network
 * it runs in.
 */
final class AddressPolicy {

    private AddressPolicy() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            if (first == 0 || first == 10 || first == 127 || first >= 224) {
                return false;
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return false; // 100.64.0.0/10, carrier-grade NAT
            }
            if (first == 169 && second == 254) {
                return false;
            }
            if (first == 172 && second >= 16 && second <= 31) {
                return false;
            }
            if (first == 192 && second == 168) {
                return false;
            }
            if (first == 192 && second == 0 && (raw[2] & 0xff) == 0) {
                return false; // 192.0.0.0/24, IETF protocol assignments
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return false; // benchmarking
            }
            return true;
        }
        if (address instanceof Inet6Address) {
            int first = raw[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local (fd00:ec2::254 is the AWS metadata service)
            }
            if (first == 0xfe && (raw[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10, deprecated site-local
            }
            if (isIpv4Embedded(raw)) {
                try {
                    byte[] v4 = {raw[12], raw[13], raw[14], raw[15]};
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) addresses. */
    private static boolean isIpv4Embedded(byte[] raw) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= raw[i] == 0;
        }
        if (zeros && ((raw[10] == 0 && raw[11] == 0) || (raw[10] == (byte) 0xff && raw[11] == (byte) 0xff))) {
            return true;
        }
        if (raw[0] == 0x00 && raw[1] == 0x64 && raw[2] == (byte) 0xff && raw[3] == (byte) 0x9b) {
            for (int i = 4; i < 12; i++) {
                if (raw[i] != 0) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
