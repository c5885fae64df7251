package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jasyncio.EventLoop;
import org.jasyncio.EventLoopPolicy;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.AsyncIO;
import org.jasyncio.internal.access.Access;
import org.jasyncio.internal.loop.MainThread;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrentLoopTest {

    private final List<EventLoop> created = new ArrayList<>();
    private EventLoopPolicy previousPolicy;

    @BeforeEach
    void installCountingPolicy() {
        previousPolicy = AsyncIO.getEventLoopPolicy();
        AsyncIO.setEventLoopPolicy(new EventLoopPolicy(() -> {
            EventLoop loop = VirtualTimeLoop.create();
            created.add(loop);
            return loop;
        }));
    }

    @AfterEach
    void restorePolicy() {
        AsyncIO.setEventLoopPolicy(previousPolicy);
        created.forEach(EventLoop::close);
    }

    private static <T> T onThread(String name, Supplier<T> action) throws Exception {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(action.get());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, name);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        return outcome.getNow(null);
    }

    private static Throwable failureOnThread(String name, Runnable action) throws Exception {
        return onThread(name, () -> {
            try {
                action.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
    }

    @Test
    void mainThreadGetsALoopOnDemandAndKeepsIt() {
        assertTrue(MainThread.is(Thread.currentThread()), "JUnit runs these tests on the JVM's main thread");
        EventLoop first = AsyncIO.getEventLoop();
        assertSame(first, AsyncIO.getEventLoop());
        assertEquals(List.of(first), created);
    }

    @Test
    void mainThreadAfterExplicitNullGetsNoLoopOnDemand() {
        AsyncIO.setEventLoop(null);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AsyncIO.getEventLoop());
        assertEquals("There is no current event loop in thread '" + Thread.currentThread().getName() + "'.",
                thrown.getMessage());
    }

    @Test
    void otherThreadWithoutALoopGetsAsyncioError() throws Exception {
        Throwable plain = failureOnThread("worker-7", () -> AsyncIO.getEventLoop());
        assertInstanceOf(IllegalStateException.class, plain);
        assertEquals("There is no current event loop in thread 'worker-7'.", plain.getMessage());

        Throwable named = failureOnThread("worker-8", () -> Access.loops().current("pkg.Greeter.greet(Greeter.java)"));
        assertInstanceOf(IllegalStateException.class, named);
        assertEquals("There is no current event loop in thread 'worker-8'. It is needed by "
                + "pkg.Greeter.greet(Greeter.java).", named.getMessage());
        assertEquals(List.of(), created);
    }

    @Test
    void otherThreadGetsTheLoopItSet() throws Exception {
        EventLoop loop = VirtualTimeLoop.create();
        created.add(loop);
        EventLoop seen = onThread("worker", () -> {
            AsyncIO.setEventLoop(loop);
            return AsyncIO.getEventLoop();
        });
        assertSame(loop, seen);
    }

    @Test
    void theRunningLoopTakesPrecedenceAndIsClearedAfterwards() {
        EventLoop set = AsyncIO.newEventLoop();
        AsyncIO.setEventLoop(set);
        VirtualTimeLoop running = VirtualTimeLoop.create();
        created.add(running);
        List<EventLoop> seen = new ArrayList<>();
        running.callSoon(() -> {
            seen.add(Access.loops().running());
            seen.add(AsyncIO.getEventLoop());
            running.stop();
        });
        assertNull(Access.loops().running());
        running.runForever();
        assertEquals(List.of(running, running), seen);
        assertNull(Access.loops().running());
        assertSame(set, AsyncIO.getEventLoop());
    }

    @Test
    void newEventLoopMakesTheKindThePolicySaysWithoutSettingIt() {
        EventLoop fresh = AsyncIO.newEventLoop();
        assertInstanceOf(VirtualTimeLoop.class, fresh);
        AsyncIO.setEventLoop(null);
        assertThrows(IllegalStateException.class, () -> AsyncIO.getEventLoop());
    }

    @Test
    void selectorPolicyMakesSelectorLoops() {
        EventLoopPolicy policy = EventLoopPolicy.selector();
        EventLoop loop = policy.newEventLoop();
        created.add(loop);
        EventLoop another = policy.newEventLoop();
        created.add(another);
        assertInstanceOf(SelectorEventLoop.class, loop);
        assertNotSame(loop, another);
    }

    @Test
    void defaultPolicyIsASelectorPolicy() {
        AsyncIO.setEventLoopPolicy(null);
        EventLoop loop = AsyncIO.newEventLoop();
        created.add(loop);
        assertInstanceOf(SelectorEventLoop.class, loop);
    }

    @Test
    void loopIdsAreUnique() {
        EventLoop a = AsyncIO.newEventLoop();
        EventLoop b = AsyncIO.newEventLoop();
        assertTrue(a.id() != b.id());
    }
}
