package org.jasyncio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body may call {@link AsyncIO#await}. The method must return
 * {@link Task} (or {@link AsyncIterator}, see below); it is rewritten into a state machine by the jasyncio Maven plugin (at build
 * time) or the jasyncio agent (at class-load time).
 *
 * <p>Calling an {@code @Async} method creates its task on {@link AsyncIO#getEventLoop()}. If
 * that loop is running on this thread the body starts at once and runs until its first
 * {@code await} of something not yet done; otherwise it starts when the loop runs.
 * {@code return Task.completed(value)} completes the task with {@code value}; returning
 * another task completes this one as that one completes.
 *
 * <p>Static, instance, private, generic and interface default methods may be
 * {@code @Async}, including methods of inner, local and anonymous classes. Constructors,
 * static initialisers and lambda bodies may not: move such code into an {@code @Async}
 * method. (The annotation may be written on a constructor only so that the compiler can
 * refuse it with that advice rather than javac with a bare "not applicable".)
 *
 * <p>A method returning {@link AsyncIterator} instead is an async generator: it hands out
 * elements with {@code await(emit(v))} ({@link AsyncIO#emit}) and ends with
 * {@code return AsyncIterator.end()}. Calling it runs none of its body; the body runs as the
 * iterator's consumer asks for elements, as a {@link AsyncIterator#generate generate} body.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Async {
}
