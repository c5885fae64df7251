/**
 * asyncio's network examples in Java: an echo server and client on streams
 * ({@link org.jasyncio.samples.net.EchoServer}, {@link org.jasyncio.samples.net.EchoClient}), the same
 * on transports and protocols ({@link org.jasyncio.samples.net.EchoProtocolServer},
 * {@link org.jasyncio.samples.net.EchoProtocolClient}), and a small chat room
 * ({@link org.jasyncio.samples.net.ChatServer}).
 *
 * <p>Each has a {@code main} (servers: {@code [port]}, 8888 by default, on 127.0.0.1; clients:
 * {@code [host [port]]}) and a programmatic entry that runs on the current loop: the servers'
 * {@code start(host, port)} (port 0 picks a free one) and the clients' {@code echo(host, port, ...)}.
 */
package org.jasyncio.samples.net;
