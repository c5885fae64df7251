package org.jasyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jasyncio.testing.Relay;
import org.jasyncio.testing.VirtualTimeLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task graph read from outside the loop's thread ({@link TaskGraphSnapshot}) and the JFR event
 * that carries it ({@link TaskGraphEvent}); {@code TaskGraphJfrTest} in {@code compiler/} gets it
 * with the real {@code jcmd} from a hung JVM.
 */
class TaskGraphEventTest {

    private static final long BOUND_SECONDS = 60;

    private final VirtualTimeLoop loop = VirtualTimeLoop.create();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Two tasks, the outer awaiting the inner, the inner a future nobody completes. */
    private static void suspendChain(EventLoop on) {
        Future<Object> gate = on.createFuture();
        Task<Object> inner = Relay.relay("pkg.Inner.inner(Inner.java)", 30, gate);
        Relay.relay("pkg.Outer.outer(Outer.java)", 10, inner);
    }

    private void suspendChain() {
        Future<Void> built = loop.createFuture();
        loop.callSoon(() -> {
            suspendChain(loop);
            built.setResult(null);
        });
        loop.runUntilComplete(built);
    }

    @Test
    void aLoopThatRunsNoCallbackIsReadExactlyFromAnotherThread() throws Exception {
        suspendChain();
        TaskGraphSnapshot snapshot = CompletableFuture.supplyAsync(() -> TaskGraphSnapshot.of(loop))
                .get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertEquals(loop.dumpTasks(), snapshot.graph());
        assertTrue(snapshot.graph().startsWith("2 pending tasks:\n"), snapshot.graph());
        assertEquals(2, snapshot.tasks());
        assertTrue(snapshot.settled());
    }

    @Test
    void aLoopHungInsideACallbackIsReadWithoutWaitingForItAndMarkedUnsettled() throws Exception {
        try (LoopThread running = new LoopThread("hangs-in-a-callback")) {
            EventLoop hung = running.loop;
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> dumpedOnTheLoop = new CompletableFuture<>();
            hung.callSoonThreadsafe(() -> {
                suspendChain(hung);
                hung.callSoon(() -> {
                    dumpedOnTheLoop.complete(hung.dumpTasks());
                    inside.countDown();
                    try {
                        release.await();   // the blocking call a hung server makes on its loop
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            });
            assertTrue(inside.await(BOUND_SECONDS, TimeUnit.SECONDS));
            TaskGraphSnapshot snapshot = TaskGraphSnapshot.of(hung);
            release.countDown();
            assertEquals(dumpedOnTheLoop.get(), snapshot.graph());
            assertEquals(2, snapshot.tasks());
            assertFalse(snapshot.settled(), "the loop was running a callback");
        }
    }

    @Test
    void theLiveLoopsAreTheLoopsNotClosed() {
        VirtualTimeLoop other = VirtualTimeLoop.create();
        assertTrue(LiveLoops.list().contains(loop));
        assertTrue(LiveLoops.list().contains(other));
        other.close();
        assertTrue(LiveLoops.list().contains(loop));
        assertFalse(LiveLoops.list().contains(other));
    }

    @Test
    void aRecordingHasAnEventPerLoopWithItsGraph(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("graph.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("org.jasyncio.TaskGraph");
            recording.start();
            suspendChain();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> ofThisLoop = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals("org.jasyncio.TaskGraph"))
                .filter(event -> event.getLong("loop") == loop.id())
                .toList();
        assertEquals(2, ofThisLoop.size(), "one at the chunk's start, one at its end: " + ofThisLoop);
        assertEquals("0 pending tasks\n", ofThisLoop.get(0).getString("graph"));
        RecordedEvent atTheEnd = ofThisLoop.get(1);
        assertEquals(loop.dumpTasks(), atTheEnd.getString("graph"));
        assertEquals(2, atTheEnd.getInt("tasks"));
        assertTrue(atTheEnd.getBoolean("settled"));
        assertNull(atTheEnd.getThread("loopThread"), "the loop does not run");
    }
}
