package r25;

import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;

/** Compiled with --release 25. */
public class Probe {
    @Async
    public static Task<String> probe(String name) {
        AsyncIO.await(AsyncIO.sleep(0.001));
        return Task.completed("r25:" + name);
    }
}
