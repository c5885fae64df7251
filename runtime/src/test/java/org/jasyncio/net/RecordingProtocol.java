package org.jasyncio.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Protocol;
import org.jasyncio.Transport;

/** A protocol that records what its transport reports, with futures for the moments tests wait for. */
class RecordingProtocol implements Protocol {

    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<String> events = new ArrayList<>();
    final Future<Transport> made;
    final Future<Void> eof;
    final Future<Throwable> lost;
    Future<Integer> enough;
    int enoughBytes = Integer.MAX_VALUE;
    boolean keepOpenOnEof;
    Transport transport;

    RecordingProtocol(EventLoop loop) {
        made = loop.createFuture();
        eof = loop.createFuture();
        lost = loop.createFuture();
    }

    /** A future completed once {@code bytes} bytes in all have arrived. */
    Future<Integer> whenReceived(EventLoop loop, int bytes) {
        enough = loop.createFuture();
        enoughBytes = bytes;
        checkEnough();
        return enough;
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        events.add("made");
        made.setResult(transport);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        received.write(bytes, 0, bytes.length);
        checkEnough();
    }

    private void checkEnough() {
        if (enough != null && !enough.done() && received.size() >= enoughBytes) {
            enough.setResult(received.size());
        }
    }

    @Override
    public boolean eofReceived() {
        events.add("eof");
        eof.setResult(null);
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Throwable exception) {
        events.add("lost");
        lost.setResult(exception);
    }

    @Override
    public void pauseWriting() {
        events.add("pause");
    }

    @Override
    public void resumeWriting() {
        events.add("resume");
    }
}
