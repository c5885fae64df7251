package org.jasyncio.internal.net;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import org.jasyncio.ConnectionException;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.ConnectionResetException;

/**
 * Turns the JDK's {@link IOException}s into jasyncio's unchecked connection exceptions, keeping the
 * JDK's exception as the cause. Internal to jasyncio: not for users.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** An I/O failure on an established connection: a reset (or broken pipe) or another connection error. */
    public static ConnectionException onConnection(IOException e) {
        if (isReset(e)) {
            return new ConnectionResetException(String.valueOf(e.getMessage()), e);
        }
        return new ConnectionException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /** A failed connect to {@code where} ({@code host:port}), asyncio's "Connect call failed". */
    public static ConnectionException onConnect(IOException e, String where) {
        String message = "Connect call failed " + where + ": " + e.getMessage();
        if (e instanceof ConnectException) {
            return new ConnectionRefusedException(message, e);
        }
        return new ConnectionException(message, e);
    }

    /** Whether {@code e} says the peer reset the connection or the pipe broke. */
    public static boolean isReset(IOException e) {
        String message = e.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("reset") || lower.contains("broken pipe");
    }

    /** Whether {@code e} says the process ran out of file descriptors (EMFILE/ENFILE) or buffers. */
    public static boolean isOutOfResources(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("Too many open files")
                || message.contains("No buffer space") || message.contains("Cannot allocate memory"));
    }
}
