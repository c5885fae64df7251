package org.jasyncio.maven;

import java.util.regex.Pattern;

/**
 * An Ant-style pattern over class file paths relative to the classes directory, as Maven users
 * write them in {@code includes}/{@code excludes}: {@code **} matches any number of directories,
 * {@code *} any part of one name, {@code ?} one character; a pattern ending in {@code /} matches
 * everything below that directory. Both {@code /} and {@code \} separate directories.
 */
final class ClassFilePattern {

    private final Pattern regex;

    private ClassFilePattern(Pattern regex) {
        this.regex = regex;
    }

    static ClassFilePattern compile(String antPattern) {
        String pattern = antPattern.strip().replace('\\', '/');
        if (pattern.endsWith("/")) {
            pattern += "**";
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new ClassFilePattern(Pattern.compile(regex.toString()));
    }

    /** @param relativePath a path such as {@code com/example/Greeter.class}, separated by {@code /} */
    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }
}
