package org.jasyncio.agent;

import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;

import org.jasyncio.compiler.AsyncCompiler;
import org.jasyncio.compiler.CompilerOptions;
import org.objectweb.asm.ClassReader;
import org.jasyncio.compiler.Diagnostic;
import org.jasyncio.compiler.Result;

/**
 * Rewrites the {@code @Async} methods of each class as it loads. The JVM hands every class it
 * loads to this transformer, so everything that cannot contain user code (the JDK, jasyncio
 * itself) is skipped by name and everything else by {@link AsyncCompiler#mayNeedRewrite}, a
 * constant-pool scan, before any real work.
 *
 * <p>The transformer never throws. A class it cannot read or rewrite at all is logged and
 * loads as it was, so an {@code await} in it fails with the runtime's error; in a class it can
 * read, each refused method is logged and left unrewritten, its {@code await} throwing
 * {@code IllegalStateException} with the refusal, and the other methods are rewritten.
 */
final class AsyncTransformer implements ClassFileTransformer {

    /** Package prefixes (internal names) never rewritten: the JDK and jasyncio's own code. */
    private static final List<String> SKIPPED_PREFIXES = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/jasyncio/agent/", "org/jasyncio/compiler/", "org/jasyncio/internal/");

    /** The runtime's public package, skipped itself but not its sub-packages, where samples and users' code may live. */
    private static final String RUNTIME_PACKAGE = "org/jasyncio/";

    /** Defines only JDK modules, whatever their package names, so nothing it loads is rewritten. */
    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();

    private final AgentOptions options;
    private final Supplier<Logger> loggerSource;
    private final ClassDump dump;
    private final CompilerOptions compilerOptions;
    private Logger logger;

    /**
     * @param loggerSource where the logger comes from; asked only when there is something to
     *                     log, because creating a {@link Logger} in {@code premain} would set up
     *                     {@code java.util.logging} before the application could configure it
     */
    AsyncTransformer(AgentOptions options, Supplier<Logger> loggerSource) {
        this.options = options;
        this.loggerSource = loggerSource;
        this.dump = options.dumpDir() == null ? null : new ClassDump(options.dumpDir());
        this.compilerOptions = new CompilerOptions(options.keepLocals());
    }

    /**
     * @param className the class's internal name; {@code null} when the class was defined without
     *                  one ({@code defineClass(null, ...)}, as some bytecode frameworks do), and
     *                  then taken from the bytes
     */
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || loader == PLATFORM_LOADER || classBeingRedefined != null
                || className != null && isSkipped(className)) {
            return null;
        }
        String name = className;
        try {
            if (!AsyncCompiler.mayNeedRewrite(classfileBuffer)) {
                return null;
            }
            if (name == null) {
                name = nameIn(classfileBuffer);
                if (name == null || isSkipped(name)) {
                    return null;
                }
            }
            return rewrite(loader, name, classfileBuffer);
        } catch (Throwable failure) {
            reportCrash(name, failure);
            return null;
        }
    }

    /** The name a class file gives itself, or {@code null} when its header is unreadable (the JVM then refuses it). */
    private static String nameIn(byte[] classFile) {
        try {
            return new ClassReader(classFile).getClassName();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static boolean isSkipped(String className) {
        for (String prefix : SKIPPED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return className.startsWith(RUNTIME_PACKAGE) && className.indexOf('/', RUNTIME_PACKAGE.length()) < 0;
    }

    private byte[] rewrite(ClassLoader loader, String className, byte[] classfile) {
        Result result = new AsyncCompiler(new LoaderClassBytes(loader), compilerOptions).rewrite(classfile);
        for (Diagnostic diagnostic : result.diagnostics()) {
            logger().log(Level.WARNING, "jasyncio: " + diagnostic.about(className.replace('/', '.')));
        }
        if (result.failed()) {
            logger().log(Level.WARNING, "jasyncio: " + className.replace('/', '.') + (result.changed()
                    ? ": the methods refused above were not rewritten; an await in them throws IllegalStateException "
                            + "with the refusal"
                    : " was not rewritten; an await in it throws IllegalStateException"));
        }
        if (!result.changed()) {
            return null;
        }
        if (options.verbose() && result.rewrittenMethods() > 0) {
            logger().log(Level.INFO, "jasyncio: rewrote " + result.rewrittenMethods() + " methods in "
                    + className.replace('/', '.'));
        }
        if (dump != null) {
            dumpQuietly(className, result.bytes());
        }
        return result.bytes();
    }

    /** A class that cannot be dumped is still rewritten: the dump is for inspection only. */
    private void dumpQuietly(String className, byte[] classFile) {
        try {
            dump.write(className, classFile);
        } catch (UncheckedIOException e) {
            logger().log(Level.WARNING, e.getMessage(), e.getCause());
        }
    }

    private void reportCrash(String className, Throwable failure) {
        try {
            logger().log(Level.WARNING, "jasyncio: could not rewrite "
                    + (className == null ? "a class defined without a name" : className.replace('/', '.'))
                    + "; it loads as it was", failure);
        } catch (Throwable loggingFailure) {
            // Logging itself failed (out of memory, a broken logging setup): the class must
            // still load, so there is nothing left to do but return.
        }
    }

    private Logger logger() {
        if (logger == null) {
            logger = loggerSource.get();
        }
        return logger;
    }
}
