package app.modular;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.createTask;
import static org.jasyncio.AsyncIO.sleep;

import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;

/** A modular application: its @Async methods, rewritten by the plugin, run as a named module. */
public class Main {

    @Async
    static Task<Integer> twice(int n) {
        await(sleep(0.001));
        return Task.completed(2 * n);
    }

    @Async
    static Task<String> work() {
        Task<Integer> first = createTask(() -> twice(20));
        int a = await(first);
        int b = await(twice(1));
        return Task.completed(Main.class.getModule().getName() + ": " + (a + b));
    }

    public static void main(String[] args) {
        System.out.println("module " + AsyncIO.run(Main::work));
    }
}
