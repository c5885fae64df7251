package org.jasyncio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void theLessonsDurationsByDefault() {
        assertEquals(1.0, Scale.fromArgs(new String[0]));
    }

    @Test
    void theScaleOption() {
        assertEquals(0.1, Scale.fromArgs(new String[] {"--scale", "0.1"}));
    }

    @Test
    void refusesWhatIsNotAPositiveNumber() {
        assertEquals("scale must be a positive number, got '0'",
                assertThrows(IllegalArgumentException.class, () -> Scale.fromArgs(new String[] {"--scale", "0"}))
                        .getMessage());
        assertEquals("scale must be a positive number, got 'fast'",
                assertThrows(IllegalArgumentException.class, () -> Scale.fromArgs(new String[] {"--scale", "fast"}))
                        .getMessage());
        assertEquals("--scale needs a value, e.g. --scale 0.1",
                assertThrows(IllegalArgumentException.class, () -> Scale.fromArgs(new String[] {"--scale"}))
                        .getMessage());
    }
}
