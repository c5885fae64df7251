package org.jasyncio.net;

import java.util.List;
import java.util.function.Supplier;
import org.jasyncio.EventLoop;
import org.jasyncio.ProactorEventLoop;
import org.jasyncio.SelectorEventLoop;

/**
 * A kind of event loop the network tests run against. Every test is parameterized over {@link #all()};
 * a new loop type joins by adding itself there.
 *
 * @param name shown in test names
 * @param factory makes a fresh loop
 */
public record LoopType(String name, Supplier<EventLoop> factory) {

    private static final LoopType SELECTOR = new LoopType("selector", SelectorEventLoop::new);
    private static final LoopType PROACTOR = new LoopType("proactor", ProactorEventLoop::new);

    /** Every loop type with network I/O. */
    public static List<LoopType> all() {
        return List.of(SELECTOR, PROACTOR);
    }

    @Override
    public String toString() {
        return name;
    }
}
