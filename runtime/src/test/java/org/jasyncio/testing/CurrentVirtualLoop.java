package org.jasyncio.testing;

import org.jasyncio.AsyncIO;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link VirtualTimeLoop} per test, set as the thread's current event loop before the
 * test's {@code @BeforeEach} methods, and unset and closed after its {@code @AfterEach} methods:
 * <pre>{@code
 * @RegisterExtension
 * final CurrentVirtualLoop current = new CurrentVirtualLoop();
 * private final VirtualTimeLoop loop = current.loop();
 * }</pre>
 * Register it on an instance field, so that each test instance gets its own loop.
 */
public final class CurrentVirtualLoop implements BeforeEachCallback, AfterEachCallback {
    private final VirtualTimeLoop loop = VirtualTimeLoop.create();

    /** The loop of this test. */
    public VirtualTimeLoop loop() {
        return loop;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AsyncIO.setEventLoop(loop);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AsyncIO.setEventLoop(null);
        loop.close();
    }
}
