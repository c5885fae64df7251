package org.jasyncio.internal.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An unbounded queue that many threads add to and one thread takes from, in chunks of slots rather
 * than a node per element. Internal to jasyncio: not for users.
 *
 * <p>A producer claims a slot with one atomic increment on the newest chunk's counter and publishes
 * its element with a release store; only the producer that finds a chunk full links the next one.
 * The consumer reads slots in order with no atomic instructions. Compared with
 * {@code ConcurrentLinkedQueue} (a 24-byte node and a CAS retry loop per add, a CAS per poll) this
 * allocates about one reference per element and never retries, which is what a loop's thread-safe
 * inbox needs when other threads post to it at full speed.
 *
 * <p>{@link #isEmpty()} counts claims, not written slots, and both the claim and its reading are
 * sequentially consistent: a producer that reads a flag after {@link #offer} and a consumer that
 * writes that flag before {@code isEmpty()} cannot both miss each other, which is
 * {@link ThreadsafeInbox}'s wake-up handshake.
 *
 * <p>A slot is claimed before it is written, so for a moment {@code isEmpty()} may be false while
 * {@link #poll()} returns null: the element is on its way and the consumer simply polls again later.
 * Elements come out in the order their slots were claimed; each producer's own elements keep their
 * order.
 */
public final class ChunkedMpscQueue<E> {

    /** Slots per chunk: large enough that linking chunks is rare, small enough for an idle loop. */
    static final int DEFAULT_CHUNK_SIZE = 1024;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle CLAIMED;
    private static final VarHandle NEXT;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CLAIMED = lookup.findVarHandle(Chunk.class, "claimed", int.class);
            NEXT = lookup.findVarHandle(Chunk.class, "next", Chunk.class);
            TAIL = lookup.findVarHandle(ChunkedMpscQueue.class, "tail", Chunk.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Chunk {
        final Object[] slots;
        /** Slots handed out so far; producers that find a full chunk push it past the length. */
        volatile int claimed;
        volatile Chunk next;

        Chunk(int size) {
            slots = new Object[size];
        }
    }

    private final int chunkSize;
    /** The chunk producers claim slots in; it only moves forward. */
    @SuppressWarnings("unused")   // read and written through TAIL
    private volatile Chunk tail;
    /**
     * The consumer's chunk, its slots (kept here so that reading them does not touch the chunk's
     * counter, which producers keep writing), and the next slot to read.
     */
    private Chunk head;
    private Object[] headSlots;
    private int readIndex;

    /** An empty queue. */
    public ChunkedMpscQueue() {
        this(DEFAULT_CHUNK_SIZE);
    }

    ChunkedMpscQueue(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.head = new Chunk(chunkSize);
        this.headSlots = head.slots;
        this.tail = head;
    }

    /** Adds {@code element} (not null); from any thread. */
    public void offer(E element) {
        if (element == null) {
            throw new NullPointerException("element");
        }
        while (true) {
            Chunk chunk = (Chunk) TAIL.getAcquire(this);
            int index = (int) CLAIMED.getAndAdd(chunk, 1);
            if (index < chunkSize) {
                SLOTS.setRelease(chunk.slots, index, element);
                return;
            }
            TAIL.compareAndSet(this, chunk, nextOf(chunk));
        }
    }

    /** The chunk after the full {@code chunk}, linking a new one if nobody has yet. */
    private Chunk nextOf(Chunk chunk) {
        Chunk next = chunk.next;
        if (next != null) {
            return next;
        }
        Chunk fresh = new Chunk(chunkSize);
        Chunk witness = (Chunk) NEXT.compareAndExchange(chunk, null, fresh);
        return witness == null ? fresh : witness;
    }

    /** Takes the oldest published element, or returns null if there is none. Consumer thread only. */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (readIndex == chunkSize && !advance()) {
            return null;
        }
        Object[] slots = headSlots;
        Object element = SLOTS.getAcquire(slots, readIndex);
        if (element == null) {
            return null;
        }
        // Let the callback go as soon as it is taken, not when the whole chunk is dropped.
        slots[readIndex++] = null;
        return (E) element;
    }

    /**
     * True if every element added so far has been taken, counting those whose producer is still
     * writing them. Consumer thread only.
     */
    public boolean isEmpty() {
        if (readIndex < chunkSize) {
            // Producers move to a later chunk only once this one is full, so its counter tells all.
            return (int) CLAIMED.getVolatile(head) <= readIndex;
        }
        Chunk next = head.next;
        return next == null || (int) CLAIMED.getVolatile(next) == 0;
    }

    /** Moves to the next chunk once this one is read to its end; false if producers have not linked it yet. */
    private boolean advance() {
        Chunk next = head.next;
        if (next == null) {
            return false;
        }
        head = next;
        headSlots = next.slots;
        readIndex = 0;
        return true;
    }
}
