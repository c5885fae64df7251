package org.jasyncio;

import java.util.function.Consumer;
import org.jasyncio.internal.iter.FetchingIterator;
import org.jasyncio.internal.sync.Handover;
import org.jasyncio.internal.sync.ItemStore;
import org.jasyncio.internal.sync.WaitQueue;
import org.jasyncio.internal.sync.Waiter;

/**
 * asyncio's {@code Queue}: first in, first out, for handing work between tasks of one loop.
 * {@link LifoQueue} and {@link PriorityQueue} differ only in which item comes out next.
 *
 * <pre>{@code
 * Queue<Job> jobs = new Queue<>(100);          // at most 100 items; 0 or less: unbounded
 * await(jobs.put(job));                        // waits while the queue is full
 * Job next = await(jobs.get());                // waits while it is empty
 * jobs.taskDone();                             // one per item got, when it is processed
 * await(jobs.join());                          // until every item put was processed
 * }</pre>
 *
 * <p>Getters and putters are served in the order they arrived. An item is handed to the
 * oldest waiting getter; if that getter's task is cancelled before it resumes, the item goes
 * back into the queue for the next one, so no item is lost. A waiting {@link #put} stores its
 * item as soon as a slot frees; cancelling it before then withdraws the item. Use a queue from
 * its loop's thread only.
 *
 * @param <T> the items
 */
public class Queue<T> {
    private final int maxsize;
    private final ItemStore<T> items;
    private final WaitQueue<Handover<T>> getters = new WaitQueue<>();
    private final WaitQueue<Put<T>> putters = new WaitQueue<>();
    private final Event finished = new Event();
    private int unfinishedTasks;
    private boolean shutDown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** @param maxsize how many items it holds at most; 0 or less: unbounded */
    public Queue(int maxsize) {
        this(maxsize, ItemStore.fifo());
    }

    Queue(int maxsize, ItemStore<T> items) {
        this.maxsize = maxsize;
        this.items = items;
        finished.set();
    }

    /** @return the bound given at construction; 0 or less: unbounded */
    public int maxsize() {
        return maxsize;
    }

    /** @return how many items the queue holds */
    public int qsize() {
        return items.size();
    }

    /** @return whether the queue holds no item */
    public boolean empty() {
        return items.size() == 0;
    }

    /** @return whether the queue is bounded and holds {@link #maxsize()} items */
    public boolean full() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Puts an item, waiting for a free slot while the queue is full.
     *
     * @param item the item
     * @return a future done once the item is in the queue; it fails with
     *     {@link QueueShutDownException} if the queue is (or gets) shut down first
     */
    public Future<Void> put(T item) {
        EventLoop loop = AsyncIO.getEventLoop();
        Future<Void> done = new Future<>(loop);
        if (shutDown) {
            done.setException(shutDownException());
        } else if (!full() && putters.isEmpty()) {
            putNowait(item);
            done.setResult(null);
        } else {
            return putters.add(new Put<>(loop, item, this::withdraw));
        }
        return done;
    }

    /**
     * Puts an item without waiting.
     *
     * @param item the item
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue was shut down
     */
    public void putNowait(T item) {
        if (shutDown) {
            throw shutDownException();
        }
        if (full()) {
            throw new QueueFullException("Queue is full (maxsize " + maxsize + ")");
        }
        store(item);
        balance();
    }

    /**
     * Takes the next item, waiting while the queue is empty.
     *
     * @return a future of the item; it fails with {@link QueueShutDownException} if the queue
     *     is shut down while empty
     */
    public Future<T> get() {
        EventLoop loop = AsyncIO.getEventLoop();
        if (!empty() || shutDown) {
            Future<T> now = new Future<>(loop);
            try {
                now.setResult(getNowait());
            } catch (QueueShutDownException e) {
                now.setException(e);
            }
            return now;
        }
        return getters.add(new Handover<>(loop, this::putBack));
    }

    /**
     * Takes the next item without waiting.
     *
     * @return the item
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is empty and was shut down
     */
    public T getNowait() {
        if (empty()) {
            if (shutDown) {
                throw shutDownException();
            }
            throw new QueueEmptyException("Queue is empty");
        }
        T item = items.take();
        balance();
        return item;
    }

    /**
     * Tells the queue that an item got earlier is processed, for {@link #join()}.
     *
     * @throws IllegalArgumentException "taskDone() called too many times" if more items were
     *     marked done than were put
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalArgumentException("taskDone() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * Waits until every item put so far was got and marked with {@link #taskDone()}.
     *
     * @return a future done when no item is unfinished
     */
    public Future<Boolean> join() {
        return unfinishedTasks > 0 ? finished.waitAsync() : Waiter.ALREADY_TRUE;
    }

    /**
     * The queue's items as they come, until it is shut down: each {@code hasNext()} is a
     * {@link #get()}, and the iteration ends when {@code get()} fails with
     * {@link QueueShutDownException} (after the items left, unless the shutdown was immediate).
     * Mark each item done with {@link #taskDone()} as after {@code get()}.
     *
     * <pre>{@code
     * for (AsyncIterator<Job> it = jobs.items(); await(it.hasNext()); ) {
     *     run(it.next());
     *     jobs.taskDone();
     * }
     * }</pre>
     *
     * @return an iterator of the items; closing it withdraws a waiting {@code get()}
     */
    public AsyncIterator<T> items() {
        return new FetchingIterator<>(this::get, item -> false, QueueShutDownException.class);
    }

    /** Shuts the queue down without dropping items; see {@link #shutdown(boolean)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: {@link #put} and {@link #putNowait} fail with
     * {@link QueueShutDownException} from now on, waiting putters too; {@link #get} fails so once
     * the queue is empty, and waiting getters at once.
     *
     * @param immediate also drop every item (counting them as done for {@link #join()})
     */
    public void shutdown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            while (!empty()) {
                items.take();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        getters.drain(getter -> getter.setException(shutDownException()));
        putters.drain(putter -> putter.setException(shutDownException()));
    }

    /**
     * asyncio's str, e.g. {@code <Queue maxsize=2 _queue=[1] _putters[1] tasks=1 shutdown>}: the items
     * (in store order), waiting getters and putters and unfinished tasks are shown when there are any.
     */
    @Override
    public String toString() {
        StringBuilder repr = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (!empty()) {
            repr.append(" _queue=").append(items.contents());
        }
        if (!getters.isEmpty()) {
            repr.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            repr.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks > 0) {
            repr.append(" tasks=").append(unfinishedTasks);
        }
        return repr.append(shutDown ? " shutdown>" : ">").toString();
    }

    private void store(T item) {
        items.add(item);
        unfinishedTasks++;
        finished.clear();
    }

    /**
     * A putter whose item was stored when a slot freed, but whose task was cancelled before it
     * resumed, did not put it (asyncio's would put it on resuming): the item leaves the queue
     * unless a getter has it already.
     */
    private void withdraw(T item) {
        if (items.withdraw(item)) {
            unfinishedTasks--;
            if (unfinishedTasks == 0) {
                finished.set();
            }
            balance();
        }
    }

    private void putBack(T item) {
        items.putBack(item);
        balance();
    }

    /** Hands items to waiting getters and free slots to waiting putters until neither can move. */
    private void balance() {
        boolean moved = true;
        while (moved) {
            moved = false;
            while (!empty() && !getters.isEmpty()) {
                getters.poll().give(items.take());
                moved = true;
            }
            Put<T> putter;
            while (!full() && (putter = putters.poll()) != null) {
                store(putter.item);
                putter.setResult(null);
                moved = true;
            }
        }
    }

    private static QueueShutDownException shutDownException() {
        return new QueueShutDownException("Queue is shut down");
    }

    /** A waiting {@code put} and its item. */
    private static final class Put<T> extends Waiter<Void> {
        final T item;
        private final Consumer<T> withdraw;

        Put(EventLoop loop, T item, Consumer<T> withdraw) {
            super(loop);
            this.item = item;
            this.withdraw = withdraw;
        }

        @Override
        protected void resultAbandoned() {
            withdraw.accept(item);
        }
    }
}
