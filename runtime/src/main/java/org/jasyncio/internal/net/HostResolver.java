package org.jasyncio.internal.net;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Name resolution for {@code getaddrinfo}: literal addresses are parsed on the spot (no lookup can
 * block), names are looked up by the JDK's resolver, which blocks, so the loop runs that in its
 * executor. Internal to jasyncio: not for users.
 */
public final class HostResolver {

    private HostResolver() {
    }

    /**
     * Whether {@code host} is an IP literal or {@code null} (the wildcard address), which
     * {@link #resolve} answers without a lookup.
     */
    public static boolean isLiteral(String host) {
        if (host == null || host.indexOf(':') >= 0) {
            return true;
        }
        return !host.isEmpty() && host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /**
     * The addresses of {@code host} with {@code port}, in the resolver's order; {@code null} is the
     * wildcard address.
     *
     * @throws UncheckedIOException "getaddrinfo failed for ..." if the name is unknown
     */
    public static List<InetSocketAddress> resolve(String host, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (host == null) {
            return List.of(new InetSocketAddress(port));
        }
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (InetAddress address : InetAddress.getAllByName(host)) {
                addresses.add(new InetSocketAddress(address, port));
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("getaddrinfo failed for " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
