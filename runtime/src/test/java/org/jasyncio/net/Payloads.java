package org.jasyncio.net;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** The bytes the network tests send: text, and random data that is the same on every run. */
final class Payloads {

    private Payloads() {
    }

    /** {@code text} in UTF-8. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} random bytes, the same for the same {@code seed}. */
    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
