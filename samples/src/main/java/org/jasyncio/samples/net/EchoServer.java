package org.jasyncio.samples.net;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.startServer;

import org.jasyncio.Async;
import org.jasyncio.Future;
import org.jasyncio.IncompleteReadException;
import org.jasyncio.LimitOverrunException;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Task;

/**
 * asyncio's "TCP echo server using streams": each client's lines come back to it as they arrive,
 * until the client closes its side. Run it with {@code java ... EchoServer [port]} (8888 by
 * default) and talk to it with {@link EchoClient} or {@code nc 127.0.0.1 8888}.
 */
public final class EchoServer {

    private static final byte[] NEWLINE = {'\n'};

    private EchoServer() {
    }

    /** Serves on 127.0.0.1 and the port given as the only argument (8888 without one) until killed. */
    public static void main(String[] args) {
        ServerMain.run(args, EchoServer::start);
    }

    /**
     * Starts the echo server on the running loop.
     *
     * @param host the address to listen on, e.g. {@code "127.0.0.1"}
     * @param port the port; 0 picks a free one (see {@link Server#port()})
     * @return a future of the server, already accepting clients
     */
    public static Future<Server> start(String host, int port) {
        return startServer(EchoServer::handle, host, port);
    }

    /**
     * Serves one client: writes back every line it sends, then closes the connection once the client
     * has closed its side.
     */
    @Async
    static Task<Void> handle(StreamReader reader, StreamWriter writer) {
        Object peer = writer.getExtraInfo("peername");
        System.out.println("Connection from " + peer);

        long echoed = 0;
        byte[] piece = await(nextPiece(reader));
        while (piece.length > 0) {
            writer.write(piece);
            // A client that sends without reading its echoes would otherwise grow our write buffer
            // without bound: drain waits while it is above the high-water mark, and meanwhile we read
            // nothing more from that client, so it is the one that waits.
            await(writer.drain());
            echoed += piece.length;
            piece = await(nextPiece(reader));
        }

        System.out.println("Echoed " + echoed + " bytes to " + peer + ", closing the connection");
        writer.close();
        await(writer.waitClosed());
        return Task.completed();
    }

    /**
     * The next line, or the next piece of a line longer than the reader's limit (64 KiB), so that a
     * line of any length passes through while the server holds only about the limit of it; empty
     * once the client has closed its side.
     */
    @Async
    private static Task<byte[]> nextPiece(StreamReader reader) {
        try {
            return Task.completed(await(reader.readuntil(NEWLINE)));
        } catch (LimitOverrunException e) {
            // readuntil consumed nothing, and the first consumed() bytes hold no newline: they can go
            // back before the line is complete.
            return Task.completed(await(reader.readexactly(e.consumed())));
        } catch (IncompleteReadException e) {
            // The client closed its side after a last line without a newline (or after none at all).
            return Task.completed(e.partial());
        }
    }
}
