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
import org.jasyncio.internal.loop.CurrentLoop;
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
        previousPolicy = CurrentLoop.policy();
        CurrentLoop.setPolicy(new EventLoopPolicy(() -> {
            EventLoop loop = VirtualTimeLoop.create();
            created.add(loop);
            return loop;
        }));
    }

    @AfterEach
    void restorePolicy() {
        CurrentLoop.setPolicy(previousPolicy);
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
        EventLoop first = CurrentLoop.get(null);
        assertSame(first, CurrentLoop.get(null));
        assertEquals(List.of(first), created);
    }

    @Test
    void mainThreadAfterExplicitNullGetsNoLoopOnDemand() {
        CurrentLoop.set(null);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> CurrentLoop.get(null));
        assertEquals("There is no current event loop in thread '" + Thread.currentThread().getName() + "'.",
                thrown.getMessage());
    }

    @Test
    void otherThreadWithoutALoopGetsAsyncioError() throws Exception {
        Throwable plain = failureOnThread("worker-7", () -> CurrentLoop.get(null));
        assertInstanceOf(IllegalStateException.class, plain);
        assertEquals("There is no current event loop in thread 'worker-7'.", plain.getMessage());

        Throwable named = failureOnThread("worker-8", () -> CurrentLoop.get("pkg.Greeter.greet(Greeter.java)"));
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
            CurrentLoop.set(loop);
            return CurrentLoop.get(null);
        });
        assertSame(loop, seen);
    }

    @Test
    void theRunningLoopTakesPrecedenceAndIsClearedAfterwards() {
        EventLoop set = CurrentLoop.newEventLoop();
        CurrentLoop.set(set);
        VirtualTimeLoop running = VirtualTimeLoop.create();
        created.add(running);
        List<EventLoop> seen = new ArrayList<>();
        running.callSoon(() -> {
            seen.add(CurrentLoop.running());
            seen.add(CurrentLoop.get(null));
            running.stop();
        });
        assertNull(CurrentLoop.running());
        running.runForever();
        assertEquals(List.of(running, running), seen);
        assertNull(CurrentLoop.running());
        assertSame(set, CurrentLoop.get(null));
    }

    @Test
    void newEventLoopMakesTheKindThePolicySaysWithoutSettingIt() {
        EventLoop fresh = CurrentLoop.newEventLoop();
        assertInstanceOf(VirtualTimeLoop.class, fresh);
        CurrentLoop.set(null);
        assertThrows(IllegalStateException.class, () -> CurrentLoop.get(null));
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
        CurrentLoop.setPolicy(null);
        EventLoop loop = CurrentLoop.newEventLoop();
        created.add(loop);
        assertInstanceOf(SelectorEventLoop.class, loop);
    }

    @Test
    void loopIdsAreUnique() {
        EventLoop a = CurrentLoop.newEventLoop();
        EventLoop b = CurrentLoop.newEventLoop();
        assertTrue(a.id() != b.id());
    }
}
