package org.jasyncio.net;

import java.nio.ByteBuffer;
import org.jasyncio.Future;
import org.jasyncio.Transport;

/**
 * A protocol that writes {@code data} in {@value #CHUNK}-byte writes for as long as its transport
 * lets it (stopping at {@code pauseWriting}, going on at {@code resumeWriting}), and records what
 * flow control did; like every {@link RecordingProtocol} it also records what it receives.
 * {@link #whenConnected} is the place for set-up before the first write (smaller kernel buffers,
 * pausing reading).
 */
class Flood extends RecordingProtocol {
    static final int CHUNK = 64 * 1024;

    final byte[] data;
    /** The write buffer's size at the first {@code pauseWriting}. */
    final Future<Long> firstPause;
    /** The write buffer's size at the first {@code resumeWriting}. */
    final Future<Long> firstResume;
    final Future<Void> allWritten;
    int written;
    int writtenAtFirstPause = -1;
    long largestBuffer;
    boolean paused;

    Flood(LoopUnderTest t, byte[] data) {
        super(t.loop);
        this.data = data;
        firstPause = t.loop.createFuture();
        firstResume = t.loop.createFuture();
        allWritten = t.loop.createFuture();
    }

    /** Runs once the connection is made, before the first write. */
    void whenConnected(Transport made) {
    }

    @Override
    public void connectionMade(Transport made) {
        super.connectionMade(made);
        whenConnected(made);
        writeWhileAllowed();
    }

    @Override
    public void pauseWriting() {
        super.pauseWriting();
        paused = true;
        if (!firstPause.done()) {
            writtenAtFirstPause = written;
            firstPause.setResult(transport.getWriteBufferSize());
        }
    }

    @Override
    public void resumeWriting() {
        super.resumeWriting();
        paused = false;
        if (!firstResume.done()) {
            firstResume.setResult(transport.getWriteBufferSize());
        }
        writeWhileAllowed();
    }

    private void writeWhileAllowed() {
        while (!paused && written < data.length) {
            int n = Math.min(CHUNK, data.length - written);
            transport.write(ByteBuffer.wrap(data, written, n));
            written += n;
            largestBuffer = Math.max(largestBuffer, transport.getWriteBufferSize());
        }
        if (written == data.length && !allWritten.done()) {
            allWritten.setResult(null);
        }
    }
}
