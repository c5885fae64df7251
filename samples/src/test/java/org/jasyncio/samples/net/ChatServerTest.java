package org.jasyncio.samples.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.openConnection;
import static org.jasyncio.samples.net.Loopback.HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.jasyncio.Async;
import org.jasyncio.Server;
import org.jasyncio.Streams;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/**
 * Three members in the room. Each step waits for what the previous one must have caused, so the
 * expected order is the causal one and never depends on timing; a line a member should not get
 * (its own message, a second notice) would show up as the wrong next line or before the final EOF.
 */
class ChatServerTest {

    @Test
    void linesAreBroadcastToTheOthersWithJoinAndLeaveNoticesAndAResetLeavesTheRoomWorking() {
        Loopback.run(() -> threeMembers());
    }

    @Test
    void aClientThatLeavesBeforeNamingItselfIsNeverAnnounced() {
        Loopback.run(() -> nameless());
    }

    @Async
    private static Task<Void> threeMembers() {
        Server server = await(ChatServer.start(HOST, 0));
        int port = server.port();

        Streams alice = await(join(port, "alice"));
        Streams bob = await(join(port, "bob"));
        await(expect(alice, "bob joined"));
        Streams carol = await(join(port, "carol"));
        await(expect(alice, "carol joined"));
        await(expect(bob, "carol joined"));

        say(alice, "hello everyone");
        say(alice, "  second line, spaces trimmed  ");
        await(expect(bob, "alice: hello everyone"));
        await(expect(bob, "alice: second line, spaces trimmed"));
        say(bob, "hi alice");
        await(expect(alice, "bob: hi alice"));
        await(expect(carol, "alice: hello everyone"));
        await(expect(carol, "alice: second line, spaces trimmed"));
        await(expect(carol, "bob: hi alice"));
        say(carol, "hi both");
        await(expect(alice, "carol: hi both"));
        await(expect(bob, "carol: hi both"));

        reset(carol);
        await(expect(alice, "carol left"));
        await(expect(bob, "carol left"));
        say(alice, "still here?");
        await(expect(bob, "alice: still here?"));
        say(bob, "yes");
        await(expect(alice, "bob: yes"));

        bob.writer().close();
        await(bob.writer().waitClosed());
        await(expect(alice, "bob left"));

        say(alice, "alone now");
        alice.writer().writeEof();
        // The server ends alice's connection after her end of stream, and nothing else came for her.
        assertEquals("", new String(await(alice.reader().read(-1)), UTF_8));
        alice.writer().close();
        await(alice.writer().waitClosed());

        await(EchoTest.closed(server));
        return Task.completed();
    }

    @Async
    private static Task<Void> nameless() {
        Server server = await(ChatServer.start(HOST, 0));
        int port = server.port();
        Streams alice = await(join(port, "alice"));

        Streams shy = await(openConnection(HOST, port));
        shy.writer().close();
        await(shy.writer().waitClosed());
        Streams bob = await(join(port, "bob"));
        await(expect(alice, "bob joined"));
        say(bob, "anyone?");
        await(expect(alice, "bob: anyone?"));

        alice.writer().close();
        await(alice.writer().waitClosed());
        await(expect(bob, "alice left"));
        bob.writer().close();
        await(bob.writer().waitClosed());
        await(EchoTest.closed(server));
        return Task.completed();
    }

    /** Connects and sends the name line. */
    @Async
    private static Task<Streams> join(int port, String name) {
        Streams member = await(openConnection(HOST, port));
        say(member, name);
        return Task.completed(member);
    }

    private static void say(Streams member, String text) {
        member.writer().write((text + "\n").getBytes(UTF_8));
    }

    /** Drops the connection with a reset (RST) instead of an orderly end of stream. */
    private static void reset(Streams member) {
        try {
            // SO_LINGER 0 makes closing the socket send a reset.
            ((SocketChannel) member.writer().getExtraInfo("socket")).setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        member.writer().transport().abort();
    }

    @Async
    private static Task<Void> expect(Streams member, String line) {
        assertEquals(line + "\n", new String(await(member.reader().readline()), UTF_8));
        return Task.completed();
    }
}
