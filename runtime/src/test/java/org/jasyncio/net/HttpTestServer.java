package org.jasyncio.net;

import static org.jasyncio.net.Payloads.bytes;

import java.nio.charset.StandardCharsets;
import org.jasyncio.StreamReader;
import org.jasyncio.StreamWriter;
import org.jasyncio.Task;

/**
 * The server of CPython's {@code test_utils.run_test_server}, as a streams handler written with callbacks:
 * a request's headers are read up to the blank line; {@code POST /loop} with a {@code Content-Length} is
 * answered with "HTTP/1.0 200 OK" and the body echoed back as it arrives, any other request with
 * "HTTP/1.0 200 OK" and the body "Test message"; then the connection is closed.
 */
final class HttpTestServer {

    /** What a request other than {@code POST /loop} gets. */
    static final byte[] RESPONSE = bytes("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nTest message");

    private static final int CHUNK = 64 * 1024;

    private HttpTestServer() {
    }

    /** The handler, for {@code startServer}. */
    static Task<Void> handle(StreamReader reader, StreamWriter writer) {
        reader.readuntil(bytes("\r\n\r\n")).addDoneCallback(headers -> {
            if (headers.exception() != null) {
                writer.close();
                return;
            }
            String request = new String(headers.result(), StandardCharsets.ISO_8859_1);
            if (!request.startsWith("POST /loop")) {
                writer.write(RESPONSE);
                writer.close();
                return;
            }
            writer.write(bytes("HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"));
            echo(reader, writer, contentLength(request));
        });
        return Task.completed();
    }

    private static int contentLength(String request) {
        for (String line : request.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    /**
     * Echoes what {@code reader} reads, chunk by chunk with callbacks, until {@code left} bytes went back
     * or EOF, then closes {@code writer}; {@code Integer.MAX_VALUE}: until EOF.
     */
    static void echo(StreamReader reader, StreamWriter writer, int left) {
        if (left == 0) {
            writer.close();
            return;
        }
        reader.read(Math.min(left, CHUNK)).addDoneCallback(read -> {
            if (read.exception() != null || read.result().length == 0) {
                writer.close();
                return;
            }
            writer.write(read.result());
            writer.drain().addDoneCallback(drained -> {
                if (drained.exception() == null) {
                    echo(reader, writer, left - read.result().length);
                }
            });
        });
    }
}
