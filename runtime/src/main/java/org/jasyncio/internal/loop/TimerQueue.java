package org.jasyncio.internal.loop;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A binary min-heap of timers ordered by (deadline, sequence), so timers with equal deadlines come out
 * in the order they were scheduled. Internal to jasyncio: not for users.
 *
 * <p>Cancelled timers stay in the heap until they reach its head (cancelling is O(1)); to keep memory
 * bounded the heap is rebuilt without them once more than {@value #COMPACT_MIN_SIZE} timers are held
 * and more than half of them are cancelled, as asyncio does. Keys live in parallel primitive arrays so
 * a sift touches no timer object. Not thread-safe: loop thread only.
 *
 * @param <T> the timer type
 */
public final class TimerQueue<T> {

    /** The heap is only compacted above this size; below it lazy removal is cheaper. */
    static final int COMPACT_MIN_SIZE = 100;

    private final Predicate<? super T> isCancelled;
    private long[] deadlines = new long[16];
    private long[] sequences = new long[16];
    private Object[] timers = new Object[16];
    private int size;
    private int cancelledCount;
    private long nextSequence;

    /** Creates an empty queue that asks {@code isCancelled} whether a held timer was cancelled. */
    public TimerQueue(Predicate<? super T> isCancelled) {
        this.isCancelled = isCancelled;
    }

    /** Number of timers held, cancelled ones included. */
    public int size() {
        return size;
    }

    /** True if no timer is held. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Adds a timer due at {@code deadlineNanos} (compared by subtraction). */
    public void add(long deadlineNanos, T timer) {
        if (size == timers.length) {
            int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            timers = Arrays.copyOf(timers, capacity);
        }
        int i = size++;
        deadlines[i] = deadlineNanos;
        sequences[i] = nextSequence++;
        timers[i] = timer;
        siftUp(i);
    }

    /**
     * Records that a timer still held was cancelled, and compacts the heap when cancelled timers
     * dominate. Call it once per timer, only while the timer is in the queue.
     */
    public void noteCancelled() {
        cancelledCount++;
        if (size > COMPACT_MIN_SIZE && cancelledCount * 2 > size) {
            compact();
        }
    }

    /** Number of held timers known to be cancelled. */
    public int cancelledCount() {
        return cancelledCount;
    }

    /** Drops cancelled timers from the head, so the head (if any) is live. */
    public void dropCancelledHead() {
        while (size > 0 && isCancelled.test(head())) {
            removeHead();
            cancelledCount--;
        }
    }

    /** The deadline of the head timer; the queue must not be empty. */
    public long headDeadline() {
        return deadlines[0];
    }

    /** The head timer; the queue must not be empty. */
    @SuppressWarnings("unchecked")
    public T head() {
        return (T) timers[0];
    }

    /** Removes and returns the head timer; the queue must not be empty. */
    public T removeHead() {
        T head = head();
        int last = --size;
        deadlines[0] = deadlines[last];
        sequences[0] = sequences[last];
        timers[0] = timers[last];
        timers[last] = null;
        if (last > 0) {
            siftDown(0);
        }
        return head;
    }

    /** Removes every timer. */
    public void clear() {
        Arrays.fill(timers, 0, size, null);
        size = 0;
        cancelledCount = 0;
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            @SuppressWarnings("unchecked")
            T timer = (T) timers[i];
            if (!isCancelled.test(timer)) {
                deadlines[kept] = deadlines[i];
                sequences[kept] = sequences[i];
                timers[kept] = timer;
                kept++;
            }
        }
        Arrays.fill(timers, kept, size, null);
        size = kept;
        cancelledCount = 0;
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private boolean before(int a, int b) {
        long byDeadline = deadlines[a] - deadlines[b];
        return byDeadline < 0 || (byDeadline == 0 && sequences[a] < sequences[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && before(left + 1, left) ? left + 1 : left;
            if (!before(smallest, i)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        long d = deadlines[a];
        deadlines[a] = deadlines[b];
        deadlines[b] = d;
        long s = sequences[a];
        sequences[a] = sequences[b];
        sequences[b] = s;
        Object t = timers[a];
        timers[a] = timers[b];
        timers[b] = t;
    }
}
