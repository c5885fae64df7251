package org.jasyncio.benchmarks.iteration;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.emit;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jasyncio.Async;
import org.jasyncio.AsyncIterator;
import org.jasyncio.Future;
import org.jasyncio.Queue;
import org.jasyncio.Task;

/**
 * The producers and the consumer of {@link AsyncIterationBenchmark}, in a plain class so that the
 * jasyncio plugin rewrites them. Every producer hands out the same boxed {@link #ELEMENT}, so that
 * what is measured is the hand-over, not the boxing of the element.
 */
final class IterationFixtures {
    static final Integer ELEMENT = 1;
    private static final Future<Boolean> TRUE = Task.completed(Boolean.TRUE);
    private static final Future<Boolean> FALSE = Task.completed(Boolean.FALSE);

    private IterationFixtures() {
    }

    /** The consumer: {@code for (...; await(it.hasNext()); )}, summing the elements. */
    @Async
    static Task<Integer> sum(AsyncIterator<Integer> elements) {
        int sum = 0;
        for (AsyncIterator<Integer> it = elements; await(it.hasNext()); ) {
            sum += it.next();
        }
        return Task.completed(sum);
    }

    /** An async generator of {@code n} elements. */
    static AsyncIterator<Integer> generator(int n) {
        return AsyncIterator.generate(() -> count(n));
    }

    @Async
    private static Task<Void> count(int n) {
        for (int i = 0; i < n; i++) {
            await(emit(ELEMENT));
        }
        return Task.completed();
    }

    /** A queue of at most {@code maxsize} items fed by a producer task, iterated until it is shut down. */
    static AsyncIterator<Integer> queueFedByTask(int n, int maxsize) {
        Queue<Integer> queue = new Queue<>(maxsize);
        org.jasyncio.AsyncIO.createTask(() -> fill(queue, n));
        return queue.items();
    }

    @Async
    private static Task<Void> fill(Queue<Integer> queue, int n) {
        for (int i = 0; i < n; i++) {
            await(queue.put(ELEMENT));
        }
        queue.shutdown();
        return Task.completed();
    }

    /** An async iterator whose every element is ready: the cost of the protocol alone, no suspension. */
    static AsyncIterator<Integer> ready(int n) {
        return new AsyncIterator<>() {
            private int left = n;
            private boolean announced;

            @Override
            public Future<Boolean> hasNext() {
                announced = left > 0;
                return announced ? TRUE : FALSE;
            }

            @Override
            public Integer next() {
                if (!announced) {
                    throw new NoSuchElementException();
                }
                announced = false;
                left--;
                return ELEMENT;
            }

            @Override
            public Future<Void> close() {
                left = 0;
                return Task.completed();
            }
        };
    }

    /** The plain {@link Iterator} of {@code n} elements. */
    static Iterator<Integer> plain(int n) {
        return new Iterator<>() {
            private int left = n;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public Integer next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                left--;
                return ELEMENT;
            }
        };
    }
}
