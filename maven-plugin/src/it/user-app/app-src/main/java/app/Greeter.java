package app;

import static org.jasyncio.AsyncIO.await;

import java.util.concurrent.CompletableFuture;

import org.jasyncio.Async;
import org.jasyncio.AsyncIO;
import org.jasyncio.Task;

public class Greeter {

    @Async
    public static Task<String> greet(String name) {
        await(AsyncIO.sleep(0.001));
        return Task.completed("hello " + name);
    }

    /** Awaits futures completed by another thread, in a loop, with a live int across each await. */
    @Async
    public static Task<Integer> sum(int n) {
        int total = 0;
        for (int i = 1; i <= n; i++) {
            int index = i;
            total += await(CompletableFuture.supplyAsync(() -> index));
        }
        return Task.completed(total);
    }

    /** Starts two tasks before awaiting either. */
    @Async
    public static Task<String> both() {
        Task<String> first = greet("first");
        Task<String> second = greet("second");
        return Task.completed(await(first) + ", " + await(second));
    }

    public static void main(String[] args) {
        System.out.println("main: " + AsyncIO.run(() -> greet("world")));
        System.out.println("main: sum=" + AsyncIO.run(() -> sum(10)));
        System.out.println("main: " + AsyncIO.run(Greeter::both));
    }
}
