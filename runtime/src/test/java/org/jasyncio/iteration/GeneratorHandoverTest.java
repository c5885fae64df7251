package org.jasyncio.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.jasyncio.AsyncIterator;
import org.jasyncio.Context;
import org.jasyncio.ContextVar;
import org.jasyncio.Future;
import org.jasyncio.testing.CurrentVirtualLoop;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generator whose body reaches its next {@code emit} without waiting hands the element over inside
 * the consumer's {@code hasNext()}: the answer is done at once, nothing is allocated per element
 * (measured exactly, in bytes this thread allocated), and the producer's steps keep their own task
 * context although they run inside the consumer's.
 */
class GeneratorHandoverTest {
    private static final Integer ELEMENT = 7;
    private static final int ELEMENTS = 10_000;

    @RegisterExtension
    final CurrentVirtualLoop current = new CurrentVirtualLoop();
    final VirtualTimeLoop loop = current.loop();
    final List<String> log = new ArrayList<>();

    @Test
    void anElementHandedOverWhenBothSidesAreReadyAllocatesNothing() {
        assertNoAllocationPerElement(null);
    }

    @Test
    void noAllocationEitherWhenBothSidesRunInContexts() {
        assertNoAllocationPerElement(new ContextVar<>("side"));
    }

    /** After a warm-up run, consuming {@link #ELEMENTS} elements allocates less than a byte per element. */
    private void assertNoAllocationPerElement(ContextVar<String> var) {
        consumeInCallback(ELEMENTS, var);
        long allocated = consumeInCallback(ELEMENTS, var);
        assertTrue(allocated < ELEMENTS, "allocated " + allocated + " bytes for " + ELEMENTS
                + " elements" + (var == null ? "" : " in contexts") + "; a hand-over should allocate nothing");
    }

    @Test
    void theProducerStepsRunInTheProducersContextInsideTheConsumers() {
        ContextVar<String> side = new ContextVar<>("side");
        List<String> producerSaw = new ArrayList<>();
        List<String> consumerSaw = new ArrayList<>();
        Iterator<Object> steps = new Iterator<>() {
            private int left = 3;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public Object next() {
                producerSaw.add(side.get("unset"));
                side.set("producer");
                return left--;
            }
        };
        AsyncIterator<Object> it = AsyncIterator.generate(() -> Script.script(steps, log));
        callSoonIn(side, () -> {
            for (int i = 0; i < 3; i++) {
                Future<Boolean> more = it.hasNext();
                consumerSaw.add(side.get("unset") + " " + more.done());
                it.next();
            }
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("consumer", "producer", "producer"), producerSaw,
                "the body starts in a copy of the consumer's context and keeps what it sets");
        assertEquals(List.of("consumer true", "consumer true", "consumer true"), consumerSaw,
                "what the body sets stays in its own context; every element was ready at once");
        loop.runUntilComplete(it.close());
    }

    /**
     * Consumes {@code n} elements of a generator in one loop callback (run in a context where
     * {@code var} is set, unless null), every {@code hasNext()} being done at once.
     *
     * @return the bytes this thread allocated for those elements, the first one (which starts the body) apart
     */
    private long consumeInCallback(int n, ContextVar<String> var) {
        AsyncIterator<Object> it = AsyncIterator.generate(() -> Script.script(Collections.nCopies(n + 1, ELEMENT), log));
        long[] allocated = {-1};
        int[] ready = {0};
        Runnable consume = () -> {
            it.hasNext();
            it.next();
            long before = allocatedBytes();
            for (int i = 0; i < n; i++) {
                Future<Boolean> more = it.hasNext();
                if (more.done() && more.result() && it.next() == ELEMENT) {
                    ready[0]++;
                }
            }
            allocated[0] = allocatedBytes() - before;
            loop.stop();
        };
        if (var == null) {
            loop.callSoon(consume);
        } else {
            callSoonIn(var, consume);
        }
        loop.runForever();
        assertEquals(n, ready[0], "every element was ready at once");
        assertEquals(List.of(), log, "the body is still at its last emit");
        assertFalse(loop.runUntilComplete(it.hasNext()));
        assertEquals(List.of("end", "finally"), log);
        log.clear();
        return allocated[0];
    }

    /**
     * Schedules {@code callback} from a context where {@code var} is "consumer", so that it runs as a
     * loop callback in a copy of that context (entered as a task step is) and a generator it starts
     * copies that context for its body.
     */
    private void callSoonIn(ContextVar<String> var, Runnable callback) {
        Context consumer = new Context();
        consumer.run(() -> var.set("consumer"));
        loop.callSoon(() -> consumer.run(() -> loop.callSoon(callback)));
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
