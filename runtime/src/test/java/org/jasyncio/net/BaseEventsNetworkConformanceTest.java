package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.List;

import org.jasyncio.AsyncIO;
import org.jasyncio.Connection;
import org.jasyncio.ConnectionOptions;
import org.jasyncio.ConnectionRefusedException;
import org.jasyncio.DatagramEndpoint;
import org.jasyncio.DatagramProtocol;
import org.jasyncio.Protocol;
import org.jasyncio.Server;
import org.jasyncio.Transport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CPython's {@code Lib/test/test_asyncio/test_base_events.py}: the tests of
 * {@code BaseEventLoopWithSelectorTests} and {@code TestSelectorUtils} that check what a user can observe,
 * on real sockets on localhost, on every loop type; each is named after the CPython test it ports
 * ({@code docs/conformance.md} lists all, and why the others, which mock the socket module, do not apply).
 */
class BaseEventsNetworkConformanceTest {

    static List<LoopType> loops() {
        return LoopType.all();
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerIpv6(LoopType type) {
        Assumptions.assumeTrue(ipv6Loopback(), "failed to bind to ::1");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server srv = t.call(() -> AsyncIO.startServer((reader, writer) -> null, "::1", 0));
            try {
                assertTrue(srv.sockets().size() > 0);
            } finally {
                srv.close();
                t.run(srv.waitClosed());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionConnectErr(LoopType type) throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            assertThrows(ConnectionRefusedException.class,
                    () -> t.run(t.loop.createConnection(() -> new Protocol() { }, "127.0.0.1", closedPort)));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionNoSslServerHostnameErrors(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            for (String serverHostname : List.of("", "python.org")) {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> t.run(t.loop.createConnection(() -> new Protocol() { }, "python.org", 80,
                                ConnectionOptions.DEFAULTS.withServerHostname(serverHostname))));
                assertTrue(refused.getMessage().contains("only meaningful with ssl"), refused.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateConnectionSslServerHostnameErrors(LoopType type) {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            ConnectionOptions tls = ConnectionOptions.DEFAULTS.withSsl(TlsContexts.client());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> t.run(t.loop.createConnection(() -> new Protocol() { }, "", 80, tls)));
            assertEquals("You must set serverHostname (server_hostname) when using ssl without a host",
                    refused.getMessage());
            // the host is a required argument: null is refused as such, with or without ssl
            NullPointerException none = assertThrows(NullPointerException.class,
                    () -> t.run(t.loop.createConnection(() -> new Protocol() { }, null, 80, tls)));
            assertEquals("host", none.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerEmptyHost(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Server server = t.run(t.loop.createServer(() -> new Protocol() { }, "", 0));
            InetSocketAddress bound = (InetSocketAddress) server.sockets().get(0).getLocalAddress();
            assertTrue(bound.getAddress().isAnyLocalAddress(), "an empty host is every interface: " + bound);
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateServerCantBind(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type);
                ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Runnable cannotBind = () -> {
                UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                        () -> t.run(t.loop.createServer(() -> new Protocol() { }, "127.0.0.1", taken.getLocalPort())));
                assertTrue(failed.getMessage().startsWith("error while attempting to bind on address"),
                        failed.getMessage());
            };
            // the socket that could not be bound is closed
            LoopUnderTest.assertNoLeak(cannotBind);
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateDatagramEndpointSockopts(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            DatagramEndpoint<DatagramProtocol> endpoint = t.run(t.loop.createDatagramEndpoint(
                    () -> new DatagramProtocol() { }, "127.0.0.1", 0, null, 0));
            NetworkChannel sock = (NetworkChannel) endpoint.transport().getExtraInfo("socket");
            assertFalse(sock.getOption(StandardSocketOptions.SO_REUSEPORT));
            assertFalse(sock.getOption(StandardSocketOptions.SO_BROADCAST));
            endpoint.transport().close();
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testCreateDatagramEndpointNoMatchingFamily(LoopType type) {
        Assumptions.assumeTrue(ipv6Loopback(), "IPv6 not supported or enabled");
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            assertThrows(RuntimeException.class, () -> t.run(t.loop.createDatagramEndpoint(
                    () -> new DatagramProtocol() { }, "::1", 0, "127.0.0.1", 0)));
        }
    }

    @ParameterizedTest
    @MethodSource("loops")
    void testSetNodelay(LoopType type) throws Exception {
        try (LoopUnderTest t = new LoopUnderTest(type)) {
            Accepting<RecordingProtocol> server = Accepting.recording(t, org.jasyncio.ServerOptions.DEFAULTS);
            Connection<Protocol> client = t.run(t.loop.createConnection(() -> new Protocol() { }, "127.0.0.1",
                    server.port()));
            Transport accepted = t.run(server.accepted().made);
            for (Transport transport : List.of(client.transport(), accepted)) {
                NetworkChannel sock = (NetworkChannel) transport.getExtraInfo("socket");
                assertTrue(sock.getOption(StandardSocketOptions.TCP_NODELAY), "TCP_NODELAY on " + sock);
            }
            client.transport().close();
            server.closeAndWait();
        }
    }
}
