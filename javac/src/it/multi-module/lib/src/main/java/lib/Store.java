package lib;

import static org.jasyncio.AsyncIO.await;
import static org.jasyncio.AsyncIO.sleep;

import org.jasyncio.Async;
import org.jasyncio.Task;

public class Store {

    /** What the store holds; app keeps one across its awaits, so its frames need this hierarchy. */
    public static class Item {
        public String describe() { return "item"; }
    }

    public static class Book extends Item {
        @Override
        public String describe() { return "book"; }
    }

    public static class Pen extends Item {
        @Override
        public String describe() { return "pen"; }
    }

    @Async
    public static Task<Item> fetch(int id) {
        await(sleep(0.001));
        return Task.completed(id % 2 == 0 ? new Book() : new Pen());
    }
}
