package org.jasyncio.context;

import static org.jasyncio.AsyncIO.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.jasyncio.AsyncIO;
import org.jasyncio.Context;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.ThreadValue;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Context#propagate(ThreadLocal)}: the server that puts a connection id into a
 * {@code ThreadLocal} before an {@code await}, with many tasks interleaved on one loop thread.
 */
class PropagateTest {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    private final VirtualTimeLoop loop = current.loop();

    @BeforeEach
    void propagate() {
        Context.propagate(REQUEST_ID);
    }

    @AfterEach
    void stopPropagating() {
        assertTrue(Context.stopPropagating(REQUEST_ID));
        REQUEST_ID.remove();
    }

    private static Supplier<?> run(Runnable action) {
        return () -> {
            action.run();
            return null;
        };
    }

    /** Each of 25 interleaved connections sets its id, then reads it back after every one of its awaits. */
    @Test
    void eachInterleavedTaskSeesItsOwnValueAfterEveryAwait() {
        REQUEST_ID.set("loop thread");
        Random random = new Random(16);
        List<String> wrong = new ArrayList<>();
        List<Future<?>> connections = new ArrayList<>();
        for (int c = 0; c < 25; c++) {
            String id = "connection-" + c;
            List<Supplier<?>> stages = new ArrayList<>();
            stages.add(run(() -> {
                if (REQUEST_ID.get() != null && !REQUEST_ID.get().equals("loop thread")) {
                    wrong.add(id + " started with " + REQUEST_ID.get());
                }
                REQUEST_ID.set(id);
            }));
            for (int i = 0; i < 8; i++) {
                double delay = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.05;
                stages.add(() -> sleep(delay));
                stages.add(run(() -> {
                    if (!id.equals(REQUEST_ID.get())) {
                        wrong.add(id + " read " + REQUEST_ID.get());
                    }
                }));
            }
            connections.add(loop.createTask(() -> Script.run(stages.toArray(new Supplier<?>[0]))));
        }
        List<String> betweenSteps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // a callback scheduled from the loop thread's own context sees the loop thread's value
            loop.callLater(i * 0.005, () -> betweenSteps.add(REQUEST_ID.get()));
        }
        loop.runUntilComplete(AsyncIO.gather(connections));
        assertEquals(List.of(), wrong);
        assertEquals(10, betweenSteps.size());
        assertTrue(betweenSteps.stream().allMatch("loop thread"::equals), betweenSteps.toString());
        assertEquals("loop thread", REQUEST_ID.get());
    }

    @Test
    void aTaskStartsWithItsCreatorsValueAndKeepsItsOwn() {
        List<String> seen = new ArrayList<>();
        Task<?> parent = loop.createTask(() -> Script.run(
                run(() -> REQUEST_ID.set("parent")),
                () -> loop.createTask(() -> Script.run(
                        run(() -> seen.add("child starts with " + REQUEST_ID.get())),
                        run(() -> REQUEST_ID.set("child")),
                        () -> sleep(0),
                        run(() -> seen.add("child has " + REQUEST_ID.get())))),
                run(() -> seen.add("parent has " + REQUEST_ID.get()))));
        loop.runUntilComplete(parent);
        assertEquals(List.of("child starts with parent", "child has child", "parent has parent"), seen);
        assertNull(REQUEST_ID.get());
    }

    @Test
    void callbacksCarryTheValueOfWhenTheyWereScheduled() {
        List<String> seen = new ArrayList<>();
        REQUEST_ID.set("scheduling");
        loop.callSoon(() -> {
            seen.add(REQUEST_ID.get());
            REQUEST_ID.set("changed by the callback");
        });
        Future<Object> future = loop.createFuture();
        future.addDoneCallback(f -> seen.add(REQUEST_ID.get()));
        REQUEST_ID.set("loop thread");
        loop.callSoon(() -> seen.add(REQUEST_ID.get()));
        loop.callSoon(() -> future.setResult(null));
        loop.runUntilComplete(future);
        assertEquals(List.of("scheduling", "loop thread", "scheduling"), seen);
        assertEquals("loop thread", REQUEST_ID.get());
    }

    @Test
    void contextRunSetsAndRestoresTheThreadLocal() {
        REQUEST_ID.set("thread");
        Context context = Context.copyContext();
        REQUEST_ID.set("after the copy");
        String seen = context.run(() -> {
            String inside = REQUEST_ID.get();
            REQUEST_ID.set("set inside");
            return inside;
        });
        assertEquals("thread", seen);
        assertEquals("after the copy", REQUEST_ID.get());
        assertEquals("set inside", context.run(REQUEST_ID::get));
    }

    @Test
    void aThreadValueIsPropagatedLikeAThreadLocal() {
        StringBuilder mdc = new StringBuilder();
        ThreadValue<String> value = new ThreadValue<>() {
            @Override
            public String get() {
                return mdc.length() == 0 ? null : mdc.toString();
            }

            @Override
            public void set(String v) {
                mdc.setLength(0);
                if (v != null) {
                    mdc.append(v);
                }
            }
        };
        Context.propagate(value);
        try {
            List<String> seen = new ArrayList<>();
            for (String id : List.of("a", "b", "c")) {
                loop.createTask(() -> Script.run(
                        run(() -> value.set(id)),
                        () -> sleep(0),
                        run(() -> seen.add(id + "=" + value.get()))));
            }
            loop.runUntilComplete(loop.createTask(() -> Script.run(() -> sleep(0.1))));
            assertEquals(List.of("a=a", "b=b", "c=c"), seen);
            assertEquals("", mdc.toString());
        } finally {
            assertTrue(Context.stopPropagating(value));
        }
        assertFalse(Context.stopPropagating(value));
    }
}
