package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import org.jasyncio.ServerOptions;

/**
 * The socket set-up both loop types' drivers do alike, whichever channel class they then use. Internal
 * to jasyncio: not for users.
 */
public final class SocketSetup {

    private SocketSetup() {
    }

    /**
     * The family a channel for {@code address} must be opened in: UNIX for a Unix-domain path, INET6
     * for an IPv6 address, else (and when {@code address} is {@code null}) INET.
     */
    public static ProtocolFamily familyOf(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return StandardProtocolFamily.UNIX;
        }
        return address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /**
     * Sets a listening {@code channel}'s address reuse from {@code options}; to be called before it
     * binds. A Unix-domain socket has neither option and is left as it is.
     */
    public static void reuseAddresses(NetworkChannel channel, ServerOptions options) throws IOException {
        if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEADDR)) {
            return;
        }
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
        if (options.reusePort()) {
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
    }

    /** Turns Nagle's algorithm off on a TCP {@code channel}; a Unix-domain socket has none to turn off. */
    public static void noDelay(NetworkChannel channel) throws IOException {
        if (channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }

    /**
     * A (blocking) UDP channel bound to {@code local} ({@code null}: any port) and, if {@code remote} is
     * not {@code null}, connected to it; if either fails the channel is closed again.
     */
    public static DatagramChannel openDatagram(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        DatagramChannel channel = DatagramChannel.open(familyOf(local != null ? local : remote));
        try {
            channel.bind(local);
            if (remote != null) {
                channel.connect(remote);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            QuietClose.close(channel);
            throw e;
        }
    }
}
