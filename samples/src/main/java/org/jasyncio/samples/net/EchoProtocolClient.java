package org.jasyncio.samples.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.getRunningLoop;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Connection;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Task;
import org.jasyncio.Transport;

/**
 * asyncio's "TCP echo client protocol": sends one message to an {@link EchoProtocolServer} (or an
 * {@link EchoServer}), closes its sending side, and collects the echo until the server closes the
 * connection. Run it with {@code java ... EchoProtocolClient [host [port]]} (127.0.0.1 8888 by
 * default).
 */
public final class EchoProtocolClient {

    private EchoProtocolClient() {
    }

    /** Sends "Hello World!" to the server at the given host and port (127.0.0.1 8888 by default). */
    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8888;
        byte[] echo = AsyncIO.run(() -> echo(host, port, "Hello World!\n".getBytes(UTF_8)));
        System.out.println("Data received: " + new String(echo, UTF_8).stripTrailing());
    }

    /**
     * Connects, sends {@code message} and waits until the server has echoed it and closed the
     * connection.
     *
     * @param host the server's address
     * @param port the server's port
     * @param message the bytes to send
     * @return everything the server sent back
     */
    @Async
    public static Task<byte[]> echo(String host, int port, byte[] message) {
        EventLoop loop = getRunningLoop();
        // The protocol lives in callbacks; this future is how it hands the outcome back to a task.
        Future<byte[]> echoed = loop.createFuture();
        Connection<EchoClientProtocol> connection =
                await(loop.createConnection(() -> new EchoClientProtocol(message, echoed), host, port));
        try {
            return Task.completed(await(echoed));
        } finally {
            // Only matters if this task is cancelled while waiting: then the connection must not outlive it.
            connection.transport().close();
        }
    }

    /** Sends the message as soon as the connection is up and collects what comes back. */
    static final class EchoClientProtocol implements Protocol {

        private final byte[] message;
        private final Future<byte[]> echoed;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        EchoClientProtocol(byte[] message, Future<byte[]> echoed) {
            this.message = message;
            this.echoed = echoed;
        }

        @Override
        public void connectionMade(Transport transport) {
            transport.write(message);
            // Half-close: tells the server the message is complete while we go on reading the echo.
            transport.writeEof();
            System.out.println("Data sent: " + message.length + " bytes");
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            // data is the transport's read buffer, reused for the next read: copy what we keep.
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            received.writeBytes(chunk);
        }

        @Override
        public void connectionLost(Throwable exception) {
            if (echoed.done()) {
                // Cancelled along with the task that was waiting for it: nobody wants the outcome.
                return;
            }
            if (exception == null) {
                System.out.println("The server closed the connection after " + received.size() + " bytes");
                echoed.setResult(received.toByteArray());
            } else {
                echoed.setException(exception);
            }
        }
    }
}
