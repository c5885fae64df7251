package org.jasyncio.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.jasyncio.EventLoop;
import org.jasyncio.spi.Clock;
import org.jasyncio.internal.selector.SelectorPoller;
import org.jasyncio.testing.LogCapture;
import org.junit.jupiter.api.Test;

class SelectorPollerTest {

    /** A selector that returns at once with nothing selected, like one hit by the epoll spin bug. */
    private static final class SpinningSelector extends AbstractSelector {
        final boolean failing;
        int selects;

        SpinningSelector(boolean failing) {
            super(SelectorProvider.provider());
            this.failing = failing;
        }

        @Override
        protected void implCloseSelector() {
        }

        @Override
        protected SelectionKey register(AbstractSelectableChannel channel, int ops, Object attachment) {
            throw new UnsupportedOperationException("no channels in this fake");
        }

        @Override
        public Set<SelectionKey> keys() {
            return Set.of();
        }

        @Override
        public Set<SelectionKey> selectedKeys() {
            return new HashSet<>();
        }

        @Override
        public int selectNow() {
            return 0;
        }

        @Override
        public int select(long timeout) throws IOException {
            selects++;
            if (failing) {
                throw new IOException("select failed");
            }
            return 0;
        }

        @Override
        public int select() throws IOException {
            return select(0);
        }

        @Override
        public Selector wakeup() {
            return this;
        }
    }

    /** A poller on {@code first} and, after each rebuild, on a real selector; {@code opened} gets each, in order. */
    private static SelectorPoller pollerStartingOn(Selector first, List<Selector> opened) {
        return new SelectorPoller(() -> {
            Selector next = opened.isEmpty() ? first : Selector.open();
            opened.add(next);
            return next;
        });
    }

    @Test
    void rebuildsTheSelectorAfterTooManyPrematureReturns() {
        SpinningSelector spinning = new SpinningSelector(false);
        List<Selector> opened = new ArrayList<>();
        SelectorPoller poller = pollerStartingOn(spinning, opened);
        try (LogCapture logs = LogCapture.start()) {
            for (int i = 0; i < SelectorPoller.SPIN_THRESHOLD - 1; i++) {
                poller.poll(TimeUnit.SECONDS.toNanos(1));
            }
            assertEquals(0, poller.rebuilds());
            poller.poll(TimeUnit.SECONDS.toNanos(1));
            assertEquals(1, poller.rebuilds());
            assertEquals(SelectorPoller.SPIN_THRESHOLD, spinning.selects);
            assertFalse(spinning.isOpen());
            assertSame(opened.get(1), poller.selector());
            assertEquals("Selector returned early 512 times in a row; rebuilding it",
                    logs.at(Level.WARNING).get(0).getMessage());
        } finally {
            poller.close();
        }
    }

    @Test
    void wakeUpsAndZeroTimeoutsAreNotSpins() {
        SpinningSelector spinning = new SpinningSelector(false);
        SelectorPoller poller = new SelectorPoller(() -> spinning);
        for (int i = 0; i < 2 * SelectorPoller.SPIN_THRESHOLD; i++) {
            poller.poll(0);
            poller.wakeup();
            poller.poll(TimeUnit.SECONDS.toNanos(1));
        }
        assertEquals(0, poller.rebuilds());
        assertEquals(2 * SelectorPoller.SPIN_THRESHOLD, spinning.selects, "zero timeouts use selectNow");
    }

    @Test
    void rebuildsTheSelectorWhenSelectThrows() {
        SpinningSelector failing = new SpinningSelector(true);
        List<Selector> opened = new ArrayList<>();
        SelectorPoller poller = pollerStartingOn(failing, opened);
        try (LogCapture logs = LogCapture.start()) {
            poller.poll(TimeUnit.MILLISECONDS.toNanos(5));
            assertEquals(1, poller.rebuilds());
            assertEquals("Selector failed; rebuilding it", logs.at(Level.WARNING).get(0).getMessage());
            assertFalse(failing.isOpen());
            poller.poll(TimeUnit.MILLISECONDS.toNanos(1));
            assertEquals(1, poller.rebuilds());
        } finally {
            poller.close();
        }
    }

    @Test
    void rebuildKeepsChannelsInterestAndAttachmentAndDispatchesToIt() throws Exception {
        SelectorPoller poller = new SelectorPoller();
        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            List<Integer> readyOps = new ArrayList<>();
            Consumer<SelectionKey> handler = key -> readyOps.add(key.readyOps());
            pipe.source().register(poller.selector(), SelectionKey.OP_READ, handler);
            Selector old = poller.selector();

            poller.rebuildSelector();

            assertNotSame(old, poller.selector());
            assertFalse(old.isOpen());
            SelectionKey moved = pipe.source().keyFor(poller.selector());
            assertEquals(SelectionKey.OP_READ, moved.interestOps());
            assertSame(handler, moved.attachment());

            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            poller.poll(TimeUnit.SECONDS.toNanos(10));
            assertEquals(List.of(SelectionKey.OP_READ), readyOps);
        } finally {
            pipe.source().close();
            pipe.sink().close();
            poller.close();
        }
    }

    @Test
    void aLoopOnASpinningSelectorRecoversAndStillFiresItsTimer() {
        SpinningSelector spinning = new SpinningSelector(false);
        List<Selector> opened = new ArrayList<>();
        SelectorPoller poller = pollerStartingOn(spinning, opened);
        EventLoop loop = new EventLoop(poller, Clock.SYSTEM) { };
        try (LogCapture logs = LogCapture.start()) {
            List<String> events = new ArrayList<>();
            loop.callLater(0.2, () -> {
                events.add("timer");
                loop.stop();
            });
            loop.runForever();
            assertEquals(List.of("timer"), events);
            assertEquals(1, poller.rebuilds());
            assertTrue(spinning.selects >= SelectorPoller.SPIN_THRESHOLD);
        } finally {
            loop.close();
        }
    }
}
