package org.jasyncio.internal.net.tls;

import org.jasyncio.EventLoop;
import org.jasyncio.TimerHandle;

/**
 * The one deadline a TLS connection has at a time: the handshake's, then the shutdown's. Setting it
 * replaces the one before. Internal to jasyncio.
 */
final class TlsDeadline {

    private final EventLoop loop;
    private TimerHandle timer;

    TlsDeadline(EventLoop loop) {
        this.loop = loop;
    }

    /** Calls {@code expired} in {@code seconds}, unless cancelled or set again before. */
    void set(double seconds, Runnable expired) {
        cancel();
        timer = loop.callLater(seconds, () -> {
            timer = null;
            expired.run();
        });
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
