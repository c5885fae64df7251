package org.jasyncio.internal.net;

import java.io.IOException;
import java.nio.channels.Channel;

/**
 * Closing a channel on a path where a failure to close has nobody to go to (a connection already lost,
 * a connect already failed): it is logged at DEBUG and otherwise dropped. Internal to jasyncio: not for
 * users.
 */
public final class QuietClose {

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");

    private QuietClose() {
    }

    /** Closes {@code channel}, logging a failure at DEBUG. */
    public static void close(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, () -> "Closing " + channel + " failed", e);
        }
    }
}
