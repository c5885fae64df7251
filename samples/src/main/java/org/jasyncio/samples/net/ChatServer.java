package org.jasyncio.samples.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.startServer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jasyncio.Async;
import org.jasyncio.ConnectionException;
import org.jasyncio.Future;
import org.jasyncio.Server;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Task;

/**
 * A small chat room on streams. A client's first line is its name; from then on every line it sends
 * goes to everyone else as {@code "name: text"}, and the others hear {@code "name joined"} and
 * {@code "name left"}. Run it with {@code java ... ChatServer [port]} (8888 by default) and join
 * from a few terminals with {@code nc 127.0.0.1 8888}.
 *
 * <p>All members are served by one loop thread, so the member table needs no lock: it only changes
 * between awaits.
 */
public final class ChatServer {

    /** Who is in the room, in the order they joined: each member's writer and name. */
    private final Map<StreamWriter, String> members = new LinkedHashMap<>();

    private ChatServer() {
    }

    /** Serves on 127.0.0.1 and the port given as the only argument (8888 without one) until killed. */
    public static void main(String[] args) {
        ServerMain.run(args, ChatServer::start);
    }

    /**
     * Starts a chat server, with an empty room, on the running loop.
     *
     * @param host the address to listen on, e.g. {@code "127.0.0.1"}
     * @param port the port; 0 picks a free one (see {@link Server#port()})
     * @return a future of the server, already accepting clients
     */
    public static Future<Server> start(String host, int port) {
        return startServer(new ChatServer()::handle, host, port);
    }

    /** Serves one client, from its name line to its leaving, however it leaves. */
    @Async
    private Task<Void> handle(StreamReader reader, StreamWriter writer) {
        Object peer = writer.getExtraInfo("peername");
        try {
            String name = text(await(reader.readline()));
            // An empty name: the client left before naming itself, so nobody was told it came.
            if (!name.isEmpty()) {
                await(chat(name, reader, writer));
            }
            writer.close();
            await(writer.waitClosed());
        } catch (ConnectionException e) {
            // A reset (or another failure) has already closed the connection: nothing left to flush,
            // and nothing the loop's exception handler should hear about.
            System.out.println(peer + " dropped the connection: " + e.getMessage());
        }
        return Task.completed();
    }

    /** The member's time in the room: relays its lines until it closes its side or the connection breaks. */
    @Async
    private Task<Void> chat(String name, StreamReader reader, StreamWriter writer) {
        System.out.println(name + " joined from " + writer.getExtraInfo("peername"));
        broadcast(name + " joined", writer);
        members.put(writer, name);
        try {
            byte[] line = await(reader.readline());
            while (line.length > 0) {
                broadcast(name + ": " + text(line), writer);
                line = await(reader.readline());
            }
        } finally {
            // However the member goes (EOF, reset, the server shutting down), it must leave the table,
            // or every later broadcast would write to a dead connection.
            members.remove(writer);
            broadcast(name + " left", writer);
            System.out.println(name + " left");
        }
        return Task.completed();
    }

    /**
     * Sends one line to every member but {@code sender}. It does not wait for drain: a member whose
     * connection is slow must not hold up the sender and everyone else, so its transport buffers
     * the backlog instead (a server for untrusted clients would also cap that backlog).
     */
    private void broadcast(String message, StreamWriter sender) {
        byte[] line = (message + "\n").getBytes(UTF_8);
        for (StreamWriter member : members.keySet()) {
            if (member != sender) {
                member.write(line);
            }
        }
    }

    /** A received line as text, without its line ending. */
    private static String text(byte[] line) {
        return new String(line, UTF_8).strip();
    }
}
