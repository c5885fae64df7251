package org.jasyncio.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two source files of the runtime import each other, directly or through others: the API, the
 * access bridge and the internals form layers, so that a newcomer can read each one on its own terms.
 * (Files of one package need no import to use each other; those references are not counted.)
 */
class ImportCycleTest {

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+);");

    @Test
    void noFilesImportEachOther() throws IOException {
        Path sources = Path.of("src/main/java");
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = sources.relativize(file).toString();
                if (!name.endsWith(".java") || name.endsWith("-info.java")) {
                    continue;
                }
                imports.put(name.substring(0, name.length() - ".java".length()).replace('/', '.'), new TreeSet<>());
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    imports.get(name.substring(0, name.length() - ".java".length()).replace('/', '.')).add(imported.group(1));
                }
            }
        }
        assertTrue(imports.size() > 100, "read the runtime's sources: " + imports.size());
        Map<String, Set<String>> edges = new HashMap<>();
        imports.forEach((type, imported) -> {
            Set<String> targets = new TreeSet<>();
            for (String name : imported) {
                // a static import or a nested type names its top-level type by prefix
                imports.keySet().stream().filter(t -> name.equals(t) || name.startsWith(t + ".")).forEach(targets::add);
            }
            edges.put(type, targets);
        });
        assertEquals(List.of(), cycles(edges));
    }

    /** Tarjan's strongly connected components of more than one file. */
    private static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, edges, index, low, stack, found);
            }
        }
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : edges.get(node)) {
            if (!index.containsKey(next)) {
                visit(next, edges, index, low, stack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
