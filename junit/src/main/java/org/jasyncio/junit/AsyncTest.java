package org.jasyncio.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an {@code @Async} test method (it carries both annotations): it runs on a fresh event loop of its own, set as the
 * thread's current loop, until its task is done; its failure (an assertion's too) fails the
 * test. If it is not done after {@link #timeout()} seconds, the test fails with a
 * {@link java.util.concurrent.TimeoutException} listing every pending task of the loop, where
 * each is suspended and what it awaits ({@link org.jasyncio.EventLoop#dumpTasks()}).
 *
 * <pre>{@code
 * class ClientTest {
 *     @Async @AsyncTest
 *     Task<Void> getsAnAnswer() {
 *         assertEquals("pong", await(client.ping()));
 *         return Task.completed();
 *     }
 * }
 * }</pre>
 *
 * <p>The test class must be rewritten (the jasyncio Maven plugin's {@code instrument-tests}
 * goal, or the agent), which looks for {@code @Async} itself: {@code @AsyncTest} does not imply
 * it. JUnit Jupiter runs only {@code void} methods as {@code @Test}s, so an
 * {@code @AsyncTest} is a {@link TestFactory} underneath: JUnit shows it as a container holding
 * one test of the same name. Tasks left pending when the test's task ends are cancelled and
 * awaited, then the loop is closed, as {@code AsyncIO.run} does.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestFactory
@ExtendWith(AsyncExtension.class)
public @interface AsyncTest {
    /**
     * @return seconds the test's task may take before the test fails with a dump of the
     *     pending tasks; must be positive
     */
    double timeout() default 10.0;
}
