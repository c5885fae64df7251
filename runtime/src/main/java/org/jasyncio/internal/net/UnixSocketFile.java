package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * The file a Unix-domain server listens at. As asyncio does, a socket file left behind by an earlier
 * server is removed before binding (anything else at the path is left alone, so the bind fails), and
 * the server removes its own file when it closes. Internal to jasyncio: not for users.
 */
public final class UnixSocketFile {

    /** {@code S_IFMT} and {@code S_IFSOCK} of {@code stat(2)}: the file-type bits and the socket type. */
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;

    private UnixSocketFile() {
    }

    /** The address to bind at {@code path}, after removing a stale socket file there. */
    public static UnixDomainSocketAddress forBinding(String path) throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        if (isSocket(address.getPath())) {
            Files.delete(address.getPath());
        }
        return address;
    }

    /** Removes the socket file of a listening channel that was bound to {@code local}, if it was a Unix path. */
    public static void removeAfterClose(SocketAddress local) {
        if (!(local instanceof UnixDomainSocketAddress)) {
            return;
        }
        Path path = ((UnixDomainSocketAddress) local).getPath();
        try {
            if (isSocket(path)) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // Someone removed or replaced it meanwhile: it is not ours to clean up any more.
        }
    }

    private static boolean isSocket(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & TYPE_MASK) == SOCKET;
        } catch (UnsupportedOperationException e) {
            // No POSIX file modes here: leave the file alone and let the bind report it.
            return false;
        }
    }
}
