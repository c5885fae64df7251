package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jasyncio.EventLoop;
import org.jasyncio.SelectorEventLoop;
import org.jasyncio.Task;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CloseTest {

    @Test
    void everySchedulingCallRaisesAfterClose() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        loop.close();
        assertTrue(loop.isClosed());
        List<Executable> calls = List.of(
                () -> loop.callSoon(() -> { }),
                () -> loop.callSoonThreadsafe(() -> { }),
                () -> loop.callLater(1.0, () -> { }),
                () -> loop.callAt(1.0, () -> { }),
                loop::runForever,
                () -> loop.runInExecutor(null, () -> 1),
                () -> loop.createTask(() -> Task.completed(1)));
        for (Executable call : calls) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, call);
            assertEquals("Event loop is closed", thrown.getMessage());
        }
    }

    @Test
    void closeIsIdempotent() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        loop.close();
        loop.close();
        assertTrue(loop.isClosed());
    }

    @Test
    void cannotCloseARunningLoop() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        loop.callSoon(() -> {
            thrown.set(assertThrows(IllegalStateException.class, loop::close));
            loop.stop();
        });
        loop.runForever();
        assertEquals("Cannot close a running event loop", thrown.get().getMessage());
        assertFalse(loop.isClosed());
        loop.close();
    }

    @Test
    void closeDropsPendingCallbacksAndTimers() {
        VirtualTimeLoop loop = VirtualTimeLoop.create();
        boolean[] ran = new boolean[1];
        loop.callSoon(() -> ran[0] = true);
        loop.callLater(1.0, () -> ran[0] = true);
        loop.close();
        assertThrows(IllegalStateException.class, loop::runForever);
        assertFalse(ran[0]);
    }

    @Test
    void closeShutsTheDefaultExecutorDownWithoutWaiting() throws Exception {
        EventLoop loop = new SelectorEventLoop();
        CompletableFuture<Void> release = new CompletableFuture<>();
        Thread worker = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));
        assertTrue(worker.isDaemon());
        assertTrue(worker.getName().startsWith("jasyncio-loop" + loop.id() + "-executor-"), worker.getName());
        loop.runInExecutor(null, () -> release.get(10, TimeUnit.SECONDS));
        loop.close();
        release.complete(null);
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker.isAlive(), "the default executor's thread should end after close()");
    }
}
