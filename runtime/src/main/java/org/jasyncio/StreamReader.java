package org.jasyncio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Objects;
import org.jasyncio.internal.iter.FetchingIterator;
import org.jasyncio.internal.loop.FutureChain;

/**
 * asyncio's {@code StreamReader}: buffered reads of a connection, returning futures to {@code await}.
 * Made by {@link AsyncIO#openConnection} and {@link AsyncIO#startServer}. All methods belong to the
 * loop's thread, and one read may wait at a time.
 *
 * <p>The buffer holds up to about twice the limit (64 KiB by default): above that the transport stops
 * reading until it is drained to the limit, so a slow consumer pushes back on the sender. A read
 * whose future is cancelled (e.g. its task is cancelled, or {@code waitFor} timed out) takes nothing
 * from the buffer: the next read gets those bytes. So does a task that awaits a read and is
 * cancelled after the bytes arrived but before it resumed: they go back to the front of the stream.
 */
public class StreamReader {

    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};
    private static final int MIN_CAPACITY = 4096;

    private enum Kind { READ, READ_INTO, READ_ALL, EXACTLY, UNTIL, LINE }

    /**
     * One waiting read; its result is a {@code byte[]}, or for {@link Kind#READ_INTO} an
     * {@code Integer}. If the task awaiting it is cancelled after the bytes were handed over but
     * before it resumed, they go back to the front of the stream ({@link #giveBack}).
     */
    private final class PendingRead {
        final Kind kind;
        final int n;
        final byte[] separator;
        final ByteBuffer target;
        final Future<Object> result = new Future<>(loop) {
            @Override
            protected void resultAbandoned() {
                giveBack(PendingRead.this, result());
            }
        };
        ByteArrayOutputStream collected;
        int searchFrom;
        /** Where in {@link #target} the bytes of a {@link Kind#READ_INTO} went. */
        int targetStart;
        /** Whether the read waited for bytes (it was not served when it started). */
        boolean waited;
        /** For a waiting readuntil/readline over the limit: whether the check that fails it ran. */
        boolean overrunDue;
        boolean overrunScheduled;

        PendingRead(Kind kind, int n, byte[] separator, ByteBuffer target) {
            this.kind = kind;
            this.n = n;
            this.separator = separator;
            this.target = target;
        }
    }

    private final EventLoop loop;
    private final int limit;
    private byte[] buffer = EMPTY;
    private int head;
    private int tail;
    private boolean eof;
    private Throwable exception;
    private Transport transport;
    private boolean paused;
    private PendingRead pending;

    /** A reader on the current loop with the default limit. */
    public StreamReader() {
        this(DEFAULT_LIMIT, AsyncIO.getEventLoop());
    }

    /**
     * A reader on {@code loop}.
     *
     * @param limit the most bytes {@link #readline()}/{@link #readuntil} return before the separator, and
     *     half the buffer's size
     *     before reading pauses
     * @throws IllegalArgumentException "Limit cannot be &lt;= 0"
     */
    public StreamReader(int limit, EventLoop loop) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.limit = limit;
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    // ---- the protocol's side ---------------------------------------------------------------------

    /**
     * Sets the transport to pause and resume.
     *
     * @throws IllegalStateException "Transport already set"
     */
    public void setTransport(Transport transport) {
        if (this.transport != null) {
            throw new IllegalStateException("Transport already set");
        }
        this.transport = transport;
    }

    /** Appends the remaining bytes of {@code data} (copied) and wakes a waiting read. */
    public void feedData(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        if (!data.hasRemaining()) {
            return;
        }
        handOverToWaitingRead(data);
        int size = data.remaining();
        if (size == 0) {
            return;
        }
        ensureRoom(size);
        data.get(buffer, tail, size);
        tail += size;
        serve();
        pauseIfOverfull();
    }

    private void pauseIfOverfull() {
        if (pending == null && !paused && transport != null && size() > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    /**
     * A {@code read(n)} or {@code readinto} waiting on an empty buffer takes its bytes straight from
     * {@code data}: one copy instead of two (into the buffer, then out of it), which is most of the
     * cost of streams over protocols for large messages.
     */
    private void handOverToWaitingRead(ByteBuffer data) {
        PendingRead waiting = pending;
        if (waiting == null || size() != 0 || waiting.result.done()) {
            return;
        }
        Object result;
        if (waiting.kind == Kind.READ) {
            byte[] bytes = new byte[Math.min(waiting.n, data.remaining())];
            data.get(bytes);
            result = bytes;
        } else if (waiting.kind == Kind.READ_INTO) {
            ByteBuffer target = waiting.target;
            int n = Math.min(target.remaining(), data.remaining());
            waiting.targetStart = target.position();
            target.put(target.position(), data, data.position(), n);
            target.position(target.position() + n);
            data.position(data.position() + n);
            result = n;
        } else {
            return;
        }
        pending = null;
        finish(waiting, result);
    }

    /** {@link #feedData(ByteBuffer)} of a whole array. */
    public void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
    }

    /**
     * For {@link StreamWriter#startTls}: takes the bytes read off the connection but not consumed,
     * which belong to TLS from now on, leaving the buffer empty (and not paused: the upgrade resumes
     * reading).
     */
    ByteBuffer takeUnread() {
        ByteBuffer unread = ByteBuffer.wrap(Arrays.copyOfRange(buffer, head, tail));
        head = 0;
        tail = 0;
        paused = false;
        return unread;
    }

    /** Marks the end of the stream and wakes a waiting read. */
    public void feedEof() {
        eof = true;
        serve();
    }

    /** Fails the waiting read and every later one with {@code exception}. */
    public void setException(Throwable exception) {
        this.exception = exception;
        PendingRead waiting = pending;
        pending = null;
        if (waiting != null && !waiting.result.done()) {
            waiting.result.setException(exception);
        }
    }

    /** The exception set by {@link #setException}, or {@code null}. */
    public Throwable exception() {
        return exception;
    }

    /** True once the stream ended and the buffer is empty. */
    public boolean atEof() {
        return eof && size() == 0;
    }

    // ---- reads -----------------------------------------------------------------------------------

    /**
     * Up to {@code n} bytes: what is buffered, or else the next bytes to arrive; an empty array at end
     * of stream. {@code n < 0} reads until the end of the stream.
     */
    public Future<byte[]> read(int n) {
        if (n < 0) {
            return start("read", Kind.READ_ALL, 0, null, null);
        }
        return start("read", Kind.READ, n, null, null);
    }

    /**
     * {@link #read(int)} into a buffer of the caller's: copies up to {@code target.remaining()} bytes,
     * what is buffered or else the next bytes to arrive, to {@code target} at its position and advances
     * it. Reusing one buffer, a loop that moves bulk data allocates nothing per read, which
     * {@code read(n)}'s fresh array cannot offer; a direct {@code target} then goes to
     * {@link StreamWriter#write(ByteBuffer)} without the JDK copying it again. A read cancelled
     * before it completes leaves {@code target} untouched.
     *
     * @return a future of the number of bytes copied: 0 at end of stream (or if {@code target} is full)
     * @throws ReadOnlyBufferException if {@code target} is read-only
     */
    public Future<Integer> readinto(ByteBuffer target) {
        if (target.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        return start("readinto", Kind.READ_INTO, 0, null, target);
    }

    /**
     * Exactly {@code n} bytes.
     *
     * @throws IllegalArgumentException "readexactly size can not be less than zero"
     * @return a future failing with {@link IncompleteReadException} (holding the bytes read) if the
     *     stream ends first
     */
    public Future<byte[]> readexactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        return start("readexactly", Kind.EXACTLY, n, null, null);
    }

    /**
     * Bytes up to and including {@code \n}. At the end of the stream, the bytes before it (possibly
     * none); over the limit, fails with {@link LimitOverrunException} and drops the overlong line (or,
     * if no newline was found, the buffer).
     */
    public Future<byte[]> readline() {
        return start("readline", Kind.LINE, 0, NEWLINE, null);
    }

    /**
     * The stream's lines, as {@code async for line in reader}: each {@code hasNext()} is a
     * {@link #readline()}, so a line keeps its {@code \n} (the last one may have none), the limit
     * applies ({@code hasNext()} fails with {@link LimitOverrunException} and the iteration goes on
     * after the dropped line), and the iteration ends at the end of the stream.
     *
     * <pre>{@code
     * for (AsyncIterator<byte[]> lines = reader.lines(); await(lines.hasNext()); ) {
     *     byte[] line = lines.next();
     * }
     * }</pre>
     *
     * @return an iterator of this reader's lines; closing it cancels a read in flight
     */
    public AsyncIterator<byte[]> lines() {
        return new FetchingIterator<>(this::readline, line -> line.length == 0, null);
    }

    /**
     * Bytes up to and including {@code separator}.
     *
     * @return a future failing with {@link IncompleteReadException} (holding, and having consumed, all
     *     bytes) if the stream ends first, or {@link LimitOverrunException} (consuming nothing) if more
     *     than the limit would come before the separator
     * @throws IllegalArgumentException "Separator should be at least one-byte string"
     */
    public Future<byte[]> readuntil(byte[] separator) {
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        return start("readuntil", Kind.UNTIL, 0, separator.clone(), null);
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> start(String name, Kind kind, int n, byte[] separator, ByteBuffer target) {
        if (exception != null) {
            return FutureChain.failed(loop, exception);
        }
        if (pending != null && !pending.result.done()) {
            throw new IllegalStateException(name + "() called while another coroutine is already waiting for incoming data");
        }
        PendingRead read = new PendingRead(kind, n, separator, target);
        pending = null;
        if (!attempt(read)) {
            read.waited = true;
            pending = read;
            if (paused) {
                // The read needs more than the buffer holds: let data in, as asyncio's _wait_for_data does.
                paused = false;
                transport.resumeReading();
            }
        }
        return (Future<T>) read.result;
    }

    private void serve() {
        PendingRead waiting = pending;
        if (waiting == null) {
            return;
        }
        if (waiting.result.done() || attempt(waiting)) {
            pending = null;
        }
    }

    /** Completes {@code read} from the buffer if it can: true if it did. */
    private boolean attempt(PendingRead read) {
        switch (read.kind) {
            case READ:
                if (read.n == 0) {
                    return finish(read, EMPTY);
                }
                if (size() == 0) {
                    return eof && finish(read, EMPTY);
                }
                return finish(read, take(Math.min(read.n, size())));
            case READ_INTO:
                if (!read.target.hasRemaining()) {
                    return finish(read, 0);
                }
                if (size() == 0) {
                    return eof && finish(read, 0);
                }
                int n = Math.min(read.target.remaining(), size());
                read.targetStart = read.target.position();
                read.target.put(buffer, head, n);
                consume(n);
                return finish(read, n);
            case READ_ALL:
                if (read.collected == null) {
                    read.collected = new ByteArrayOutputStream();
                }
                read.collected.write(buffer, head, size());
                take(size());
                return eof && finish(read, read.collected.toByteArray());
            case EXACTLY:
                if (size() >= read.n) {
                    return finish(read, take(read.n));
                }
                return eof && fail(read, new IncompleteReadException(take(size()), read.n));
            default:
                return attemptUntil(read);
        }
    }

    private boolean attemptUntil(PendingRead read) {
        byte[] separator = read.separator;
        int found = indexOf(separator, read.searchFrom);
        if (found >= 0) {
            // As asyncio: the limit applies to where the separator starts, so a chunk may be limit + its length.
            if (found > limit) {
                return overrun(read, "Separator is found, but chunk is longer than limit", found);
            }
            return finish(read, take(found + separator.length));
        }
        int offset = size() + 1 - separator.length;
        read.searchFrom = Math.max(0, offset);
        if (offset > limit) {
            if (read.waited && !read.overrunDue) {
                deferOverrun(read);
                return false;
            }
            return overrun(read, "Separator is not found, and chunk exceed the limit", offset);
        }
        if (!eof) {
            return false;
        }
        byte[] rest = take(size());
        return read.kind == Kind.LINE ? finish(read, rest) : fail(read, new IncompleteReadException(rest, null));
    }

    /**
     * A waiting readuntil/readline whose buffer went over the limit without a separator fails on the next
     * iteration, not at once: asyncio's read resumes then and sees every byte fed meanwhile (the rest of a
     * callback's feeds, say), so a separator that arrives in the same iteration makes it drop the whole
     * overlong line, not just the bytes that came before it.
     */
    private void deferOverrun(PendingRead read) {
        if (read.overrunScheduled) {
            return;
        }
        read.overrunScheduled = true;
        loop.callSoon(() -> {
            if (pending == read) {
                read.overrunDue = true;
                serve();
            }
        });
    }

    private boolean overrun(PendingRead read, String message, int consumed) {
        if (read.kind == Kind.LINE) {
            // asyncio's readline drops the overlong line (or everything, if it has no end yet).
            int found = indexOf(read.separator, 0);
            take(found >= 0 ? found + read.separator.length : size());
        }
        return fail(read, new LimitOverrunException(message, consumed));
    }

    private boolean finish(PendingRead read, Object result) {
        read.result.setResult(result);
        return true;
    }

    /**
     * A read's bytes that its task never took (it was cancelled after they were handed over, before
     * it resumed) go back to the front of the stream, as asyncio loses none: its reads take bytes
     * only once the task runs. A {@code readinto} buffer gets its position back.
     */
    private void giveBack(PendingRead read, Object untaken) {
        byte[] bytes;
        if (read.kind == Kind.READ_INTO) {
            int n = (Integer) untaken;
            bytes = new byte[n];
            read.target.get(read.targetStart, bytes);
            read.target.position(read.targetStart);
        } else {
            bytes = (byte[]) untaken;
        }
        if (bytes.length == 0) {
            return;
        }
        if (head >= bytes.length) {
            head -= bytes.length;
            System.arraycopy(bytes, 0, buffer, head, bytes.length);
        } else {
            int size = size();
            byte[] joined = new byte[Math.max(size + bytes.length, MIN_CAPACITY)];
            System.arraycopy(bytes, 0, joined, 0, bytes.length);
            System.arraycopy(buffer, head, joined, bytes.length, size);
            buffer = joined;
            head = 0;
            tail = bytes.length + size;
        }
        serve();
        pauseIfOverfull();
    }

    private boolean fail(PendingRead read, RuntimeException failure) {
        read.result.setException(failure);
        return true;
    }

    // ---- the buffer ------------------------------------------------------------------------------

    private int size() {
        return tail - head;
    }

    private int indexOf(byte[] separator, int from) {
        int last = tail - separator.length;
        outer:
        for (int i = head + from; i <= last; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (buffer[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i - head;
        }
        return -1;
    }

    private byte[] take(int n) {
        byte[] bytes = Arrays.copyOfRange(buffer, head, head + n);
        consume(n);
        return bytes;
    }

    /** Drops the oldest {@code n} bytes, and lets the transport read again once they fit the limit. */
    private void consume(int n) {
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
            if (buffer.length > 4 * limit) {
                buffer = EMPTY;   // a burst is over: do not keep its buffer per idle connection
            }
        }
        if (paused && size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    private void ensureRoom(int more) {
        if (buffer.length - tail >= more) {
            return;
        }
        int size = size();
        if (buffer.length - size >= more) {
            System.arraycopy(buffer, head, buffer, 0, size);
        } else {
            byte[] grown = new byte[Math.max(Math.max(buffer.length * 2, size + more), MIN_CAPACITY)];
            System.arraycopy(buffer, head, grown, 0, size);
            buffer = grown;
        }
        head = 0;
        tail = size;
    }

    /**
     * asyncio's repr, naming only what differs from a fresh reader: {@code <StreamReader>},
     * {@code <StreamReader 4 bytes eof>}, {@code <StreamReader limit=123 waiter=<Future pending>>}, and
     * the exception, transport and {@code paused} in that order.
     */
    @Override
    public String toString() {
        StringBuilder repr = new StringBuilder("<StreamReader");
        if (size() > 0) {
            repr.append(' ').append(size()).append(" bytes");
        }
        if (eof) {
            repr.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            repr.append(" limit=").append(limit);
        }
        if (pending != null && !pending.result.done()) {
            repr.append(" waiter=").append(pending.result);
        }
        if (exception != null) {
            repr.append(" exception=").append(exception);
        }
        if (transport != null) {
            repr.append(" transport=").append(transport);
        }
        if (paused) {
            repr.append(" paused");
        }
        return repr.append('>').toString();
    }
}
