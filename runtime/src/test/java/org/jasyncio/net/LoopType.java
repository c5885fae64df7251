package org.jasyncio.net;

import java.util.List;
import java.util.function.Supplier;
import org.jasyncio.EventLoop;
import org.jasyncio.SelectorEventLoop;

/**
 * A kind of event loop the network tests run against. Every test is parameterized over {@link #all()};
 * a new loop type (the proactor) joins by adding itself there.
 *
 * @param name shown in test names
 * @param factory makes a fresh loop
 */
public record LoopType(String name, Supplier<EventLoop> factory) {

    /** Every loop type with network I/O. */
    public static List<LoopType> all() {
        return List.of(new LoopType("selector", SelectorEventLoop::new));
    }

    @Override
    public String toString() {
        return name;
    }
}
