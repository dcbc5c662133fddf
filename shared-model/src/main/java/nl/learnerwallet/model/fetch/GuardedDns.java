package nl.learnerwallet.model.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves a host and refuses it when any answer is not a public address. okhttp connects only to
 * addresses this returns, so a DNS answer cannot swap a private address in between a check and
 * the connection (DNS rebinding); IP literals pass through here too.
 */
final class GuardedDns implements Dns {

    /** Thrown through okhttp (which only lets {@link UnknownHostException} out of a lookup). */
    static final class PrivateAddressRefused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        PrivateAddressRefused(String host) {
            super("refused to connect to " + host + ": it is a private, loopback or link-local address");
        }
    }

    private final boolean allowPrivateNetworks;
    private final java.util.Set<String> exemptHosts;
    private final Dns resolver;

    /**
     * @param exemptHosts host names allowed onto private addresses (tests: the first hop of a redirect)
     * @param resolver where the answers come from: the system's, or a test's
     */
    GuardedDns(boolean allowPrivateNetworks, java.util.Set<String> exemptHosts, Dns resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.exemptHosts = exemptHosts;
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.lookup(hostname);
        if (allowPrivateNetworks || exemptHosts.contains(hostname)) {
            return addresses;
        }
        List<InetAddress> out = new ArrayList<>(addresses.size());
        for (InetAddress address : addresses) {
            if (!AddressPolicy.isPublic(address)) {
                // Refuse the host outright rather than filter: a name that answers with a private
                // address among public ones is not one we want to talk to.
                throw new PrivateAddressRefused(hostname);
            }
            out.add(address);
        }
        return out;
    }
}
