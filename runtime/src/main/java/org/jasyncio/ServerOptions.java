package org.jasyncio;

/**
 * Options of {@link EventLoop#createServer} and {@link AsyncIO#startServer}; start from {@link #DEFAULTS}
 * and change what you need, e.g. {@code ServerOptions.DEFAULTS.withReusePort(true)}.
 *
 * @param backlog the listen queue's length, and how many connections one readiness event accepts (100)
 * @param reuseAddress {@code SO_REUSEADDR}, so a restarted server can bind at once (true)
 * @param reusePort {@code SO_REUSEPORT}, so several loops (one per thread) can listen on one port and
 *     the kernel spreads connections over them (false)
 * @param startServing accept at once; if false, call {@link Server#startServing()} (true)
 */
public record ServerOptions(int backlog, boolean reuseAddress, boolean reusePort, boolean startServing) {

    /** asyncio's defaults: backlog 100, reuse address, no reuse port, start serving. */
    public static final ServerOptions DEFAULTS = new ServerOptions(100, true, false, true);

    /** Checks the backlog. */
    public ServerOptions {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be > 0, got " + backlog);
        }
    }

    /** These options with {@code SO_REUSEPORT} set as given. */
    public ServerOptions withReusePort(boolean reuse) {
        return new ServerOptions(backlog, reuseAddress, reuse, startServing);
    }

    /** These options with another backlog. */
    public ServerOptions withBacklog(int length) {
        return new ServerOptions(length, reuseAddress, reusePort, startServing);
    }

    /** These options with serving started at once or not. */
    public ServerOptions withStartServing(boolean start) {
        return new ServerOptions(backlog, reuseAddress, reusePort, start);
    }
}
