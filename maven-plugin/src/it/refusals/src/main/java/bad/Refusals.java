package bad;

import static org.jasyncio.AsyncIO.await;

import java.util.function.Supplier;

import org.jasyncio.Async;
import org.jasyncio.Future;
import org.jasyncio.Task;

/** Each method is refused; verify.groovy expects each refusal at the line of its await. */
public class Refusals {

    static String notAsync(Future<String> f) {
        return await(f);
    }

    @Async
    static Task<String> locked(Future<String> f) {
        synchronized (Refusals.class) {
            return Task.completed(await(f));
        }
    }

    @Async
    static String notTask() {
        return "not a task";
    }

    @Async
    static Task<String> inLambda(Future<String> f) {
        Supplier<String> later = () -> await(f);
        return Task.completed(later.get());
    }
}
