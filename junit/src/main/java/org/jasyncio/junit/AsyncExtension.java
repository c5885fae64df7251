package org.jasyncio.junit;

import java.lang.reflect.Method;
import java.util.stream.Stream;

import org.jasyncio.AsyncIO;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link AsyncTest}: calls the {@code @Async} test method
 * with a fresh event loop set as current (so its task belongs to that loop and starts when the
 * loop runs) and hands JUnit one dynamic test that runs the loop until the task is done, under
 * the timeout. Register it through {@link AsyncTest}; on its own it leaves other test factories
 * alone.
 */
public final class AsyncExtension implements InvocationInterceptor {

    @Override
    @SuppressWarnings("unchecked")
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        Method method = call.getExecutable();
        AsyncTest config = AnnotationSupport.findAnnotation(method, AsyncTest.class).orElse(null);
        if (config == null) {
            return invocation.proceed();
        }
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        if (!Task.class.isAssignableFrom(method.getReturnType())) {
            invocation.skip();
            throw new ExtensionConfigurationException("@AsyncTest " + name + " must be an @Async method returning Task");
        }
        if (!(config.timeout() > 0)) {
            invocation.skip();
            throw new ExtensionConfigurationException("@AsyncTest " + name + ": timeout must be > 0, got "
                    + config.timeout());
        }
        EventLoop loop = AsyncIO.newEventLoop();
        AsyncIO.setEventLoop(loop);
        Task<?> task;
        try {
            task = (Task<?>) invocation.proceed();
        } catch (Throwable failure) {
            AsyncIO.setEventLoop(null);
            loop.close();
            throw failure;
        }
        TestRun run = new TestRun(loop, task, config.timeout(), name);
        return (T) Stream.of(DynamicTest.dynamicTest(method.getName() + "()", run::execute));
    }
}
