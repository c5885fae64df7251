package org.jasyncio.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ name only what exists: every type name and jasyncio package they write in
 * code font is declared in the repository's sources, is a JDK class, or is one of the few foreign
 * names below (asyncio's and ASM's, which the docs compare with).
 */
class DocsNameOnlyWhatExistsTest {

    /** Names of other projects the docs cite by design, with whose they are. */
    private static final Map<String, String> FOREIGN = Map.of(
            "BaseEventLoop", "CPython asyncio",
            "BufferedProtocol", "CPython asyncio",
            "LambdaMetafactory", "JDK, java.lang.invoke",
            "NioEventLoopGroup", "Netty",
            "ObjectAllocationSample", "JFR's jdk.ObjectAllocationSample event",
            "JavaCompile", "Gradle's compile task type",
            "ContextRegistry", "Micrometer context-propagation",
            "ThreadLocalAccessor", "Micrometer context-propagation",
            "ThreadContextElement", "kotlinx.coroutines");

    /** ASM's classes, which docs/compiler.md describes the passes with. */
    private static final Set<String> ASM = Set.of("ClassReader", "ClassWriter", "ClassNode", "MethodNode",
            "InsnList", "LabelNode", "FrameNode", "LocalVariableNode", "TryCatchBlockNode", "Analyzer", "Frame",
            "BasicValue", "BasicInterpreter", "SourceInterpreter", "SimpleVerifier", "AnalyzerException",
            "CheckClassAdapter", "Textifier", "TraceClassVisitor", "ClassVisitor", "MethodVisitor", "GeneratorAdapter",
            "LocalVariablesSorter", "AnalyzerAdapter", "Handle", "Type");

    /** Python's own names, which docs/conformance.md cites beside CPython's tests. */
    private static final Set<String> PYTHON = Set.of("None", "StopIteration", "TimeoutError", "CancelledError",
            "ValueError", "RuntimeError", "TypeError", "KeyError");

    /** A code span: `...`. */
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    /** A type name at the start of a code span: `TimerQueue`, `Task.cancel`, `Future<T>`. */
    private static final Pattern TYPE = Pattern.compile("^([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z]{2,}[a-z0-9]*)(?=$|[.#(<])");
    /** A package of jasyncio's, fully qualified or as {@code internal.x}. */
    private static final Pattern PACKAGE = Pattern.compile("\\b(?:org\\.jasyncio\\.)?(internal(?:\\.[a-z]+)*|spi)\\b");

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    /**
     * The simple names of the top-level classes of the JDK's modules in the boot layer, read once
     * from their module readers instead of a class lookup per package per name.
     */
    private static final Set<String> JDK_CLASSES = jdkClasses();

    @Test
    void everyNamedTypeAndPackageExists() throws IOException {
        Set<String> types = new HashSet<>();
        Set<String> packages = new HashSet<>();
        for (Path source : javaSources()) {
            String text = Files.readString(source);
            Matcher declared = Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z]\\w*)").matcher(text);
            while (declared.find()) {
                types.add(declared.group(1));
            }
            Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
            if (pkg.find()) {
                packages.add(pkg.group(1));
            }
        }
        List<Path> docs = documents();
        assertTrue(docs.size() > 3, "found the docs: " + docs);
        List<String> missing = new ArrayList<>();
        for (Path doc : docs) {
            Matcher code = CODE.matcher(Files.readString(doc));
            while (code.find()) {
                String span = code.group(1);
                Matcher type = TYPE.matcher(span);
                if (cpythonRows(doc) && type.find() && !type.group(1).endsWith("ConformanceTest")) {
                    continue;
                }
                type.reset();
                if (type.find() && !types.contains(type.group(1)) && !FOREIGN.containsKey(type.group(1))
                        && !PYTHON.contains(type.group(1)) && !ASM.contains(type.group(1)) && !isCPythonTestCase(type.group(1))
                        && !isJdkClass(type.group(1))) {
                    missing.add(REPO.relativize(doc) + ": `" + span + "`");
                }
                Matcher pkg = PACKAGE.matcher(span);
                while (pkg.find()) {
                    if (span.contains("/") || span.contains("internal(")) {
                        continue;
                    }
                    if (!packages.contains("org.jasyncio." + pkg.group(1))) {
                        missing.add(REPO.relativize(doc) + ": `" + span + "` (package)");
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "named in the docs, declared nowhere");
    }

    /** docs/conformance.md is a table of CPython's tests, in Python's names; only its Java test classes (named ...ConformanceTest) are checked. */
    private static boolean cpythonRows(Path doc) {
        return doc.getFileName().toString().equals("conformance.md");
    }

    /** CPython's test cases are {@code unittest} classes named {@code ...Tests} ({@code BaseFutureTests}). */
    private static boolean isCPythonTestCase(String name) {
        return name.endsWith("Tests");
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !REPO.relativize(p).toString().contains("target/"))
                    .filter(p -> !REPO.relativize(p).startsWith(".git"))
                    .collect(Collectors.toList());
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(REPO.resolve("README.md"));
        try (Stream<Path> files = Files.list(REPO.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        try (Stream<Path> files = Files.list(REPO)) {
            files.filter(Files::isDirectory).map(dir -> dir.resolve("README.md")).filter(Files::exists).forEach(docs::add);
        }
        return docs;
    }

    private static boolean isJdkClass(String simpleName) {
        return JDK_CLASSES.contains(simpleName);
    }

    private static Set<String> jdkClasses() {
        Set<String> boot = ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(name -> name.startsWith("java.") || name.startsWith("jdk."))
                .collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            if (!boot.contains(module.descriptor().name())) {
                continue;
            }
            try (ModuleReader reader = module.open(); Stream<String> resources = reader.list()) {
                resources.filter(r -> r.endsWith(".class") && !r.contains("$") && r.contains("/"))
                        .map(r -> r.substring(r.lastIndexOf('/') + 1, r.length() - ".class".length()))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
