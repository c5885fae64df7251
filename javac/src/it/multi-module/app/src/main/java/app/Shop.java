package app;

import static org.jasyncio.AsyncIO.await;

import lib.Store;
import org.jasyncio.Async;
import org.jasyncio.Task;

public class Shop {

    @Async
    public static Task<String> basket(int first, int second) {
        Store.Item kept = first > second ? new Store.Book() : new Store.Pen();
        Store.Item a = await(Store.fetch(first));
        Store.Item b = await(Store.fetch(second));
        return Task.completed(a.describe() + ", " + b.describe() + ", kept " + kept.describe());
    }
}
