package org.jasyncio.contextpropagation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jasyncio.Context;

/**
 * Makes the thread-locals known to Micrometer's {@link ContextRegistry} follow jasyncio's tasks: what
 * SLF4J's MDC ({@code Slf4jThreadLocalAccessor}), Micrometer Tracing and Spring Security register there
 * is read when a task or callback is scheduled, held during each of its steps and given back to the
 * loop's thread after it, as {@link Context#propagate(ThreadLocal)} does for one {@code ThreadLocal}.
 *
 * <pre>{@code
 * ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("requestId"));
 * ContextRegistryPropagation.install();
 * }</pre>
 *
 * <p>Call {@link #install()} after the accessors are registered (accessors registered later need another
 * call), before the tasks that should carry them are created.
 */
public final class ContextRegistryPropagation {

    /** One adapter per accessor, so that installing twice propagates each accessor once. */
    private static final Map<ThreadLocalAccessor<?>, AccessorValue<?>> INSTALLED = new IdentityHashMap<>();

    private ContextRegistryPropagation() {
    }

    /**
     * Propagates every accessor of {@link ContextRegistry#getInstance()}.
     *
     * @return how many accessors are propagated now
     */
    public static int install() {
        return install(ContextRegistry.getInstance());
    }

    /**
     * Propagates every accessor of {@code registry}; accessors installed before stay installed.
     *
     * @param registry the registry whose thread-local accessors to propagate
     * @return how many accessors are propagated now
     */
    public static synchronized int install(ContextRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        for (ThreadLocalAccessor<?> accessor : registry.getThreadLocalAccessors()) {
            INSTALLED.computeIfAbsent(accessor, ContextRegistryPropagation::propagate);
        }
        return INSTALLED.size();
    }

    /**
     * Stops propagating every accessor {@link #install} propagated: tasks and callbacks scheduled from
     * now on do not carry them.
     */
    public static synchronized void uninstall() {
        for (AccessorValue<?> value : new ArrayList<>(INSTALLED.values())) {
            Context.stopPropagating(value);
        }
        INSTALLED.clear();
    }

    private static <V> AccessorValue<V> propagate(ThreadLocalAccessor<V> accessor) {
        AccessorValue<V> value = new AccessorValue<>(accessor);
        Context.propagate(value);
        return value;
    }
}
