package org.jasyncio.internal.net;

import java.net.SocketAddress;
import java.nio.channels.Channel;

/**
 * The extra information every socket transport gives by asyncio's names ({@code get_extra_info}),
 * for either loop type and either kind of socket. Internal to jasyncio: not for users.
 *
 * @param peername the remote address ({@code null}: an unconnected datagram endpoint)
 * @param sockname the local address
 * @param socket   the channel
 */
public record SocketExtraInfo(SocketAddress peername, SocketAddress sockname, Channel socket) {

    /** The value asyncio calls {@code name}, or {@code null} for a name it does not give. */
    public Object get(String name) {
        switch (name) {
            case "peername":
                return peername;
            case "sockname":
                return sockname;
            case "socket":
                return socket;
            default:
                return null;
        }
    }
}
