package org.jasyncio.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void noArgumentsMeansQuietAndNoDump() {
        for (String arguments : new String[] {null, "", " "}) {
            AgentOptions options = AgentOptions.parse(arguments);
            assertFalse(options.verbose());
            assertNull(options.dumpDir());
            assertFalse(options.keepLocals());
        }
    }

    @Test
    void readsCommaSeparatedOptionsInAnyOrder() {
        AgentOptions options = AgentOptions.parse("dump=/tmp/rewritten, keepLocals,verbose");
        assertTrue(options.verbose());
        assertTrue(options.keepLocals());
        assertEquals(Path.of("/tmp/rewritten"), options.dumpDir());
    }

    @Test
    void refusesUnknownOptionsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("verbose,debug"));
        assertEquals("jasyncio agent: unknown option 'debug'; the options are 'verbose', 'dump=DIR' and 'keepLocals', comma-separated",
                e.getMessage());
    }

    @Test
    void refusesDumpWithoutDirectory() {
        assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("dump="));
    }
}
