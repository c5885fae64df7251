package bad;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Future;

/** verify.groovy expects the refusal as a javac error at the line of this await. */
public class Bad {

    static String notAsync(Future<String> f) {
        return await(f);
    }
}
