package org.jasyncio.samples.net;

import static org.jasyncio.AsyncIO.getRunningLoop;

import java.nio.ByteBuffer;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.Transport;

/**
 * asyncio's "TCP echo server protocol": the echo of {@link EchoServer} one layer down, where the
 * transport calls a {@link Protocol} as bytes arrive and no task runs per client. It is the fastest
 * way to serve on the loop and the way to go when the protocol is a simple reaction to what arrives.
 * Run it with {@code java ... EchoProtocolServer [port]} (8888 by default).
 */
public final class EchoProtocolServer {

    private EchoProtocolServer() {
    }

    /** Serves on 127.0.0.1 and the port given as the only argument (8888 without one) until killed. */
    public static void main(String[] args) {
        ServerMain.run(args, EchoProtocolServer::start);
    }

    /**
     * Starts the echo server on the running loop.
     *
     * @param host the address to listen on, e.g. {@code "127.0.0.1"}
     * @param port the port; 0 picks a free one (see {@link Server#port()})
     * @return a future of the server, already accepting clients
     */
    public static Future<Server> start(String host, int port) {
        return getRunningLoop().createServer(EchoProtocol::new, host, port);
    }

    /** One per connection: writes back whatever arrives. */
    static final class EchoProtocol implements Protocol {

        private Transport transport;
        private long echoed;

        @Override
        public void connectionMade(Transport transport) {
            System.out.println("Connection from " + transport.getExtraInfo("peername"));
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            echoed += data.remaining();
            // The transport sends what the socket takes now and copies only the rest, so the buffer
            // can go straight back even though it is only valid during this call.
            transport.write(data);
        }

        @Override
        public void pauseWriting() {
            // The client reads its echo slower than it sends: stop reading from it until our write
            // buffer drains, or it would hold everything the client sends.
            transport.pauseReading();
        }

        @Override
        public void resumeWriting() {
            transport.resumeReading();
        }

        @Override
        public boolean eofReceived() {
            System.out.println("Echoed " + echoed + " bytes to " + transport.getExtraInfo("peername")
                    + ", closing the connection");
            // false: the transport closes once the rest of the echo is flushed.
            return false;
        }
    }
}
