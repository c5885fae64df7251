package org.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassFileSelectionTest {

    @Test
    void selectsEveryClassFileByDefault() {
        ClassFileSelection all = new ClassFileSelection(null, null);
        assertTrue(all.selects("Top.class"));
        assertTrue(all.selects("com/example/deep/Inner$1.class"));
        assertFalse(all.selects("META-INF/MANIFEST.MF"));
        assertFalse(all.selects("com/example/messages.properties"));
    }

    @Test
    void doubleStarSpansDirectoriesAndStarStaysInOneName() {
        ClassFilePattern pattern = ClassFilePattern.compile("com/**/Async*.class");
        assertTrue(pattern.matches("com/AsyncGreeter.class"));
        assertTrue(pattern.matches("com/example/a/b/AsyncGreeter.class"));
        assertFalse(pattern.matches("com/example/Greeter.class"));
        assertFalse(pattern.matches("org/AsyncGreeter.class"));
        assertFalse(ClassFilePattern.compile("com/*.class").matches("com/example/Greeter.class"));
        assertTrue(ClassFilePattern.compile("com/?reeter.class").matches("com/Greeter.class"));
    }

    @Test
    void aTrailingSlashMeansEverythingBelowAndBackslashesSeparateToo() {
        assertTrue(ClassFilePattern.compile("com/example/").matches("com/example/x/Y.class"));
        assertTrue(ClassFilePattern.compile("com\\example\\*.class").matches("com/example/Y.class"));
    }

    @Test
    void patternCharactersOfRegexAreLiteral() {
        assertTrue(ClassFilePattern.compile("a/Outer$Inner.class").matches("a/Outer$Inner.class"));
        assertFalse(ClassFilePattern.compile("a/Outer.class").matches("a/OuterXclass"));
    }

    @Test
    void excludesWinOverIncludes() {
        ClassFileSelection selection = new ClassFileSelection(List.of("com/example/**"), List.of("**/generated/**", "**/*Test.class"));
        assertTrue(selection.selects("com/example/Greeter.class"));
        assertFalse(selection.selects("com/example/generated/Parser.class"));
        assertFalse(selection.selects("com/example/GreeterTest.class"));
        assertFalse(selection.selects("org/other/Greeter.class"));
    }
}
