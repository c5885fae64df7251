package app;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import org.jasyncio.Async;
import org.jasyncio.Task;

public class Greeter {

    @Async
    public static Task<String> greet(String name) {
        await(sleep(0.001));
        return Task.completed("hello " + name);
    }
}
