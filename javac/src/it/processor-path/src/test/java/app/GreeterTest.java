package app;

import static org.jasyncio.AsyncIO.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Test classes are rewritten by the same processor: this @Async method awaits the main one. */
class GreeterTest {

    @Async
    static Task<String> greetBoth() {
        String first = await(Greeter.greet("main"));
        return Task.completed(first + " and " + await(Greeter.greet("test")));
    }

    @Test
    void mainAndTestClassesAreRewritten() {
        assertEquals("hello main and hello test", AsyncIO.run(() -> greetBoth()));
    }
}
