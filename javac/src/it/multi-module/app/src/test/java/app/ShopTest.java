package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jasyncio.AsyncIO;
import org.junit.jupiter.api.Test;

class ShopTest {

    @Test
    void appAwaitsLib() {
        assertEquals("book, pen, kept pen", AsyncIO.run(() -> Shop.basket(2, 3)));
    }
}
