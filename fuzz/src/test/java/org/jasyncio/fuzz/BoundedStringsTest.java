package org.jasyncio.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jasyncio.fuzz.program.Bounded;
import org.junit.jupiter.api.Test;

/** Generated programs cannot grow a string until the heap is gone (which struck each twin elsewhere). */
class BoundedStringsTest {

    @Test
    void aLongStringKeepsItsEndsAndItsLength() {
        assertEquals("t1 t1", Bounded.text("t1 t1"));
        assertEquals(null, Bounded.text(null));
        String doubled = "abcdefghijklmnopqrstuvwxyz".repeat(1 << 10);
        assertEquals("abcdefghijklmnopqrstuvwx..(" + doubled.length() + ")..cdefghijklmnopqrstuvwxyz",
                Bounded.text(doubled));
    }

    /**
     * Seed 1001's P3321 doubled its field in nested loops of recursive calls ({@code f1 += this.f1})
     * up to a gigabyte: it ran for minutes, hung its batch, and where the heap ran out decided
     * which of the twins ran a {@code finally} first.
     */
    @Test
    void theProgramThatDoubledAFieldToAGigabyteKeepsItShortAndPasses() {
        String program = "P3321";
        Node tree = Generator.program(program, 1001 * 1_000_003L + 3321);
        String source = Unit.render(List.of(new Unit.Program(program, tree)), "");
        assertTrue(source.contains("f1 += this.f1; f1 = Bounded.text(f1);"), source);
        Verdict verdict = Differential.check(source, List.of(program), 1001).get(0);
        assertFalse(verdict.failed(), verdict.kind() + ": " + verdict.detail());
    }
}
