package app;

import static org.jasyncio.AsyncIO.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

class GreeterTest {

    @Test
    void greets() {
        assertEquals("hello world", AsyncIO.run(() -> Greeter.greet("world")));
    }

    @Test
    void sumsValuesCompletedOnOtherThreads() {
        int total = AsyncIO.run(() -> Greeter.sum(100));
        assertEquals(5050, total);
    }

    @Test
    void runsTwoTasksConcurrently() {
        assertEquals("hello first, hello second", AsyncIO.run(Greeter::both));
    }

    /** Test code may be @Async too: the plugin's instrument-tests goal or the agent rewrites it. */
    @Async
    static Task<String> greetTwice(String name) {
        String once = await(Greeter.greet(name));
        return Task.completed(once + " / " + await(Greeter.greet(name)));
    }

    @Test
    void asyncTestHelpers() {
        assertEquals("hello x / hello x", AsyncIO.run(() -> greetTwice("x")));
    }
}
