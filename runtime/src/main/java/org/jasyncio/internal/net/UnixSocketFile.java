package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

    /**
     * What identifies the socket file a listening channel bound to {@code local} made (its device and
     * inode), to tell it later from a file someone put at the same path; {@code null} if {@code local} is
     * not a Unix path or the file system names no identity.
     */
    public static Object identify(SocketAddress local) {
        if (!(local instanceof UnixDomainSocketAddress)) {
            return null;
        }
        try {
            return fileKey(((UnixDomainSocketAddress) local).getPath());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Removes the socket file of a listening channel that was bound to {@code local}, if it was a Unix path
     * and the file there is still the one {@link #identify} saw: as asyncio compares inodes, a socket
     * someone else bound at the path meanwhile is left alone.
     */
    public static void removeAfterClose(SocketAddress local, Object identity) {
        if (!(local instanceof UnixDomainSocketAddress)) {
            return;
        }
        Path path = ((UnixDomainSocketAddress) local).getPath();
        try {
            if (isSocket(path) && (identity == null || identity.equals(fileKey(path)))) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // Someone removed or replaced it meanwhile: it is not ours to clean up any more.
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
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
