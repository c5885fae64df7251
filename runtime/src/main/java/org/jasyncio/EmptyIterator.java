package org.jasyncio;

import java.util.NoSuchElementException;

import org.jasyncio.internal.iter.Answers;

/** {@link AsyncIterator#end()}: no element, ever; stateless, so one instance serves every loop. */
final class EmptyIterator implements AsyncIterator<Object> {
    static final EmptyIterator INSTANCE = new EmptyIterator();

    private EmptyIterator() {
    }

    @Override
    public Future<Boolean> hasNext() {
        return Answers.FALSE;
    }

    @Override
    public Object next() {
        throw new NoSuchElementException("AsyncIterator.end() has no element");
    }

    @Override
    public Future<Void> close() {
        return Answers.CLOSED;
    }

    @Override
    public String toString() {
        return "<AsyncIterator end>";
    }
}
