package org.jasyncio.compiler;

import java.nio.charset.StandardCharsets;

/**
 * Reads just the header and constant pool of a class file to decide whether the compiler has
 * anything to do with it. The agent calls this for every class the JVM loads, so it
 * allocates nothing and stops at the first hit.
 */
final class ConstantPoolScan {

    private static final byte[] ASYNC = RuntimeNames.ASYNC_DESC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] ASYNCIO = RuntimeNames.ASYNCIO.getBytes(StandardCharsets.UTF_8);

    private ConstantPoolScan() {
    }

    /** True when the constant pool names {@code @Async} or {@code AsyncIO}; also for malformed input, so that it gets a diagnostic. */
    static boolean mentionsAsync(byte[] b) {
        try {
            if (!looksLikeClassFile(b)) {
                return true;
            }
            int count = readShort(b, 8);
            int offset = 10;
            for (int i = 1; i < count; i++) {
                int tag = b[offset] & 0xFF;
                switch (tag) {
                    case 1 -> { // Utf8
                        int length = readShort(b, offset + 1);
                        if (matches(b, offset + 3, length, ASYNC) || matches(b, offset + 3, length, ASYNCIO)) {
                            return true;
                        }
                        offset += 3 + length;
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> offset += 5;
                    case 5, 6 -> {
                        offset += 9;
                        i++; // long and double take two entries
                    }
                    case 7, 8, 16, 19, 20 -> offset += 3;
                    case 15 -> offset += 4;
                    default -> {
                        return true; // unknown tag: let rewrite() report it
                    }
                }
            }
            return false;
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return true;
        }
    }

    private static boolean matches(byte[] b, int offset, int length, byte[] wanted) {
        if (length != wanted.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[offset + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes start like a class file: magic number and a version. */
    static boolean looksLikeClassFile(byte[] b) {
        return b.length >= 10 && readInt(b, 0) == 0xCAFEBABE;
    }

    static int majorVersion(byte[] b) {
        return readShort(b, 6);
    }

    private static int readShort(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    private static int readInt(byte[] b, int offset) {
        return (readShort(b, offset) << 16) | readShort(b, offset + 2);
    }
}
