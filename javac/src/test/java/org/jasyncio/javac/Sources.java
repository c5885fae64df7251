package org.jasyncio.javac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Source trees the tests compile, written as a user's project would hold them. */
final class Sources {

    /**
     * A program javac accepts from {@code --release 8} on, whose frames need the hierarchy of
     * its own classes (a {@code Shape} that is a {@code Square} or a {@code Circle}) and of an
     * anonymous class, with awaits in a default method and in a loop.
     */
    static final String GREETER = """
            package demo;

            import org.jasyncio.Async;
            import org.jasyncio.AsyncIO;
            import org.jasyncio.Task;
            import static org.jasyncio.AsyncIO.await;
            import static org.jasyncio.AsyncIO.sleep;

            public class Greeter {
                static class Shape { String name() { return "shape"; } }
                static class Square extends Shape { String name() { return "square"; } }
                static class Circle extends Shape { String name() { return "circle"; } }

                interface Named {
                    String name();

                    @Async
                    default Task<String> greeting() {
                        await(sleep(0.001));
                        return Task.completed("hello " + name());
                    }
                }

                @Async
                static Task<String> greet(final String name, boolean square) {
                    Shape shape = square ? new Square() : new Circle();
                    Named named = new Named() { public String name() { return name; } };
                    String greeting = await(named.greeting());
                    int total = 0;
                    for (int i = 0; i < 3; i++) {
                        total += await(count(i));
                    }
                    return Task.completed(greeting + ", " + shape.name() + " " + total);
                }

                @Async
                static Task<Integer> count(int i) {
                    await(sleep(0));
                    return Task.completed(i);
                }

                public static void main(String[] args) {
                    System.out.println(AsyncIO.run(() -> greet("world", true)));
                }
            }
            """;

    static final String GREETER_OUTPUT = "hello world, square 3";

    private Sources() {
    }

    /** Writes {@code files} (path to text) under {@code root} and returns the paths written, as javac arguments. */
    static List<String> write(Path root, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            try (Stream<Path> all = Files.walk(root)) {
                return all.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line of {@code source} containing {@code text}. */
    static int lineOf(String source, String text) {
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + text);
    }
}
