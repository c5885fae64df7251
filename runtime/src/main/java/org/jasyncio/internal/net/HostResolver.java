package org.jasyncio.internal.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
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
     * Where a server given no host listens (asyncio's {@code getaddrinfo(None, port, flags=AI_PASSIVE)}):
     * every interface of every family. asyncio binds one socket per family, setting IPV6_V6ONLY on the
     * IPv6 one; the JDK cannot set that option, so this is the one IPv6 wildcard {@code ::}, whose socket
     * is dual-stack and accepts IPv4 connections too, or {@code 0.0.0.0} where the JVM has no IPv6.
     */
    public static List<InetSocketAddress> everyInterface(int port) {
        checkPort(port);
        return List.of(Ipv6.AVAILABLE ? new InetSocketAddress("::", port) : new InetSocketAddress(port));
    }

    /** Whether the JVM can open IPv6 sockets, found out once, when a server first needs it. */
    private static final class Ipv6 {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
                return true;
            } catch (UnsupportedOperationException | IOException e) {
                return false;
            }
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The addresses of {@code host} with {@code port}, in the resolver's order; {@code null} is the
     * wildcard address.
     *
     * @throws UncheckedIOException "getaddrinfo failed for ..." if the name is unknown
     */
    public static List<InetSocketAddress> resolve(String host, int port) {
        checkPort(port);
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
