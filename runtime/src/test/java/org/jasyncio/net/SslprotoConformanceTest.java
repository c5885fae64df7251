package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.ConnectionResetException;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.ServerOptions;
import org.jasyncio.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_sslproto.py}, each test named after the CPython test it ports
 * ({@code docs/conformance.md} lists all). CPython's {@code SslProtoHandshakeTests} drive a private
 * {@code SSLProtocol} over a mocked transport; the ones that check what a user can see are ported here on real
 * localhost connections and both loop types. The start_tls tests of {@code BaseStartTLS} that are the same as
 * test_ssl's are ported once, in {@link SslConformanceTest}.
 */
class SslprotoConformanceTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    @Test
    void testHandshakeTimeoutZero() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ConnectionOptions.DEFAULTS.withSslHandshakeTimeout(0));
        assertTrue(zero.getMessage().contains("a positive number"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.DEFAULTS.withSslHandshakeTimeout(0));
    }

    @Test
    void testHandshakeTimeoutNegative() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ConnectionOptions.DEFAULTS.withSslHandshakeTimeout(-10));
        assertTrue(negative.getMessage().contains("a positive number"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.DEFAULTS.withSslHandshakeTimeout(-10));
    }

    /**
     * The server ends the connection with an EOF in the middle of the handshake: the client's connect fails,
     * with the JDK's "Remote host terminated the handshake" where asyncio's fails with ConnectionResetError.
     */
    @ParameterizedTest
    @MethodSource("loops")
    void testEofReceivedWaiter(LoopType type) throws IOException {
        ThreadedServer.Prog server = sock -> {
            sock.getInputStream().read(new byte[1024]);
            sock.shutdownOutput();
            try {
                sock.getInputStream().read();
            } catch (IOException reset) {
                // the client left
            }
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server)) {
            t.reports();
            SSLHandshakeException eof = assertThrows(SSLHandshakeException.class, () -> t.run(t.loop.createConnection(
                    () -> new Protocol() { }, "127.0.0.1", srv.port(), SslConformanceTest.client())));
            assertTrue(eof.getMessage().contains("terminated the handshake"), eof.getMessage());
            SslConformanceTest.runLong(t, srv.done);
        }
    }

    /** The connection is lost (here reset by the peer) during the handshake: the client's connect fails with it. */
    @ParameterizedTest
    @MethodSource("loops")
    void testConnectionLost(LoopType type) throws IOException {
        ThreadedServer.Prog server = sock -> {
            sock.getInputStream().read(new byte[1024]);
            sock.setSoLinger(true, 0);
        };
        try (LoopUnderTest t = new LoopUnderTest(type); ThreadedServer srv = new ThreadedServer(t.loop, server)) {
            t.reports();
            assertThrows(ConnectionResetException.class, () -> t.run(t.loop.createConnection(
                    () -> new Protocol() { }, "127.0.0.1", srv.port(), SslConformanceTest.client())));
            SslConformanceTest.runLong(t, srv.done);
        }
    }

    /** A TLS transport's {@code "socket"} is there while it is connected, and gone once the connection is lost. */
    @ParameterizedTest
    @MethodSource("loops")
    void testGetExtraInfoOnClosedConnection(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.startServer(StreamsTest::echo, ServerOptions.DEFAULTS.withSsl(TlsContexts.server()));
            RecordingProtocol protocol = new RecordingProtocol(t.loop);
            Transport tr = t.connect(protocol, server.port(), SslConformanceTest.client());
            assertNotNull(tr.getExtraInfo("socket"));
            tr.close();
            t.run(protocol.lost);
            assertNull(tr.getExtraInfo("socket"));
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSetNewAppProtocol(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.startServer(StreamsTest::echo, ServerOptions.DEFAULTS.withSsl(TlsContexts.server()));
            Transport tr = t.connect(new RecordingProtocol(t.loop), server.port(), SslConformanceTest.client());
            RecordingProtocol newAppProto = new RecordingProtocol(t.loop);
            tr.setProtocol(newAppProto);
            assertSame(newAppProto, tr.getProtocol());
            tr.write(bytes("to the new protocol"));
            t.assertReceives(newAppProto, bytes("to the new protocol"));
            tr.close();
            t.run(newAppProto.lost);
            t.closeAndWait(server);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testWriteAfterClosing(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.startServer(StreamsTest::echo, ServerOptions.DEFAULTS.withSsl(TlsContexts.server()));
            RecordingProtocol protocol = new RecordingProtocol(t.loop);
            Transport tr = t.connect(protocol, server.port(), SslConformanceTest.client());
            tr.close();
            // should not raise
            assertDoesNotThrow(() -> tr.write(bytes("data")));
            t.run(protocol.lost);
            t.closeAndWait(server);
        }
    }

    /** {@code BaseStartTLS.test_start_tls_server_1}: test_ssl's test, with the server answering over TLS. */
    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsServer1(LoopType type) {
        byte[] answer = bytes("answer");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            assertArrayEquals(answer, SslConformanceTest.startTlsServer1(t, answer));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testStartTlsWrongArgs(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.startServer(StreamsTest::echo, ServerOptions.DEFAULTS);
            Transport tr = t.connect(new RecordingProtocol(t.loop), server.port());
            IllegalArgumentException noContext = assertThrows(IllegalArgumentException.class,
                    () -> t.loop.startTls(tr, tr.getProtocol(), ConnectionOptions.DEFAULTS));
            assertTrue(noContext.getMessage().contains("ssl"), noContext.getMessage());
            assertThrows(NullPointerException.class,
                    () -> t.loop.startTls(null, null, ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client())));
            tr.close();
            t.closeAndWait(server);
        }
    }
}
