package org.jasyncio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jasyncio.internal.loop.PlainCompletableFuture;
import org.jasyncio.internal.loop.FutureChain;

/**
 * asyncio's module functions: {@code import static org.jasyncio.AsyncIO.*;} and write
 * {@code await(sleep(1.0))}, {@code gather(a, b)}, {@code AsyncIO.run(() -> main())}.
 *
 * <p>Functions that combine futures ({@link #gather}, {@link #waitFor}, {@link #shield},
 * {@link #wait}, {@link #asCompleted}, {@link #timeout}) return a {@link Future} to
 * {@code await}; like everything but {@link #wrapFuture}'s completion path, they belong to the
 * loop's thread.
 */
public final class AsyncIO {
    private AsyncIO() {
    }

    // ---- await -----------------------------------------------------------------------------

    /**
     * Suspends the calling {@code @Async} method until {@code future} is done and returns its
     * result, or throws its exception itself (checked ones too), or {@link CancelledException}
     * if the calling task is cancelled meanwhile. A thrown exception's stack trace then shows the
     * awaiting {@code @Async} methods and the lines of their awaits in place of the event loop's
     * frames, as the same program run synchronously would ({@code -Djasyncio.asyncStackTraces=false}
     * leaves traces as they are). The compiler replaces every call; this method only runs in code
     * that was not rewritten.
     *
     * @param future what to wait for
     * @param <T> the type of the result
     * @return never: see above
     * @throws IllegalStateException always: the calling method was not rewritten
     */
    public static <T> T await(Future<T> future) {
        throw notRewritten();
    }

    /**
     * As {@link #await(Future)}, for any {@link CompletionStage} (e.g. a
     * {@link CompletableFuture} completed by a pool thread: the task resumes on its loop).
     *
     * @param stage what to wait for
     * @param <T> the type of the result
     * @return never: see above
     * @throws IllegalStateException always: the calling method was not rewritten
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw notRewritten();
    }

    private static IllegalStateException notRewritten() {
        return new IllegalStateException("AsyncIO.await called in a method that was not rewritten: mark the method "
                + "@Async and apply the jasyncio Maven plugin, the -javaagent or jasyncio-javac (on javac's annotation processor path)");
    }

    // ---- run -------------------------------------------------------------------------------

    /**
     * asyncio's {@code run()}: runs {@code main} (e.g. {@code () -> main(args)}) on a new event
     * loop set as this thread's loop, and returns its result or throws its exception. On the
     * way out it cancels the tasks left over and waits for them (reporting their failures to
     * the exception handler), shuts the default executor down, closes the loop (which reports
     * every failed task whose exception nobody retrieved, see {@link EventLoop#close()}) and
     * resets this thread's loop.
     *
     * @param main an {@code @Async} call
     * @param <T> the type of the result
     * @return the result of {@code main}
     * @throws IllegalStateException "AsyncIO.run() cannot be called from a running event loop"
     */
    public static <T> T run(Supplier<? extends Task<T>> main) {
        return run(main, null);
    }

    /**
     * {@link #run(Supplier)} with the loop's debug mode set to {@code debug}.
     *
     * @param main an {@code @Async} call
     * @param debug whether the loop runs in debug mode
     * @param <T> the type of the result
     * @return the result of {@code main}
     */
    public static <T> T run(Supplier<? extends Task<T>> main, boolean debug) {
        return run(main, Boolean.valueOf(debug));
    }

    private static <T> T run(Supplier<? extends Task<T>> main, Boolean debug) {
        Objects.requireNonNull(main, "main");
        if (CurrentLoop.running() != null) {
            throw new IllegalStateException("AsyncIO.run() cannot be called from a running event loop");
        }
        EventLoop loop = CurrentLoop.newEventLoop();
        try {
            CurrentLoop.set(loop);
            if (debug != null) {
                loop.setDebug(debug);
            }
            return loop.runUntilComplete(loop.createTask(main));
        } finally {
            try {
                // before the leftovers are cancelled: a generator's producer is a task, and closing is its proper end
                loop.runUntilComplete(loop.shutdownAsyncgens());
                cancelLeftovers(loop);
                loop.runUntilComplete(loop.shutdownDefaultExecutor());
            } finally {
                CurrentLoop.set(null);
                loop.close();
            }
        }
    }

    private static void cancelLeftovers(EventLoop loop) {
        List<Task<?>> leftovers = loop.pendingTasks.snapshot();
        if (leftovers.isEmpty()) {
            return;
        }
        for (Task<?> task : leftovers) {
            task.cancel();
        }
        loop.runUntilComplete(gather(true, leftovers));
        for (Task<?> task : leftovers) {
            if (!task.cancelled() && task.exception() != null) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("message", "unhandled exception during AsyncIO.run() shutdown");
                context.put("exception", task.exception());
                context.put("task", task);
                loop.callExceptionHandler(context);
            }
        }
    }

    // ---- sleep -----------------------------------------------------------------------------

    /**
     * A future that completes after {@code delay} seconds; {@code sleep(0)} (or a negative
     * delay) lets the loop run exactly one iteration before the awaiting task resumes.
     * Cancelling it cancels its timer.
     *
     * @param delay seconds
     * @return a future to {@code await}
     */
    public static Future<Void> sleep(double delay) {
        return sleep(delay, null);
    }

    /**
     * {@link #sleep(double)} with a {@link Duration}.
     *
     * @param delay how long
     * @return a future to {@code await}
     */
    public static Future<Void> sleep(Duration delay) {
        return sleep(seconds(delay), null);
    }

    /**
     * {@link #sleep(double)} completing with {@code result}.
     *
     * @param delay seconds
     * @param result the value the future completes with
     * @param <T> the type of the result
     * @return a future to {@code await}
     */
    public static <T> Future<T> sleep(double delay, T result) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("delay is NaN");
        }
        EventLoop loop = getEventLoop();
        return delay <= 0 ? new Yield<>(loop, result) : new Sleep<>(loop, delay, result);
    }

    // ---- gather ----------------------------------------------------------------------------

    /**
     * asyncio's {@code gather()}: a future of the results of {@code futures}, in argument
     * order. The first failure (a cancelled child counts as {@link CancelledException}) fails
     * it at once; the other futures keep running. Cancelling it cancels every child. With no
     * futures it is done with an empty list.
     *
     * @param futures what to wait for
     * @return a future of the results
     */
    public static Future<List<Object>> gather(Future<?>... futures) {
        return gather(false, Arrays.asList(futures));
    }

    /**
     * {@link #gather(Future...)} over a list.
     *
     * @param futures what to wait for
     * @return a future of the results
     */
    public static Future<List<Object>> gather(List<? extends Future<?>> futures) {
        return gather(false, futures);
    }

    /**
     * {@link #gather(Future...)}; with {@code returnExceptions}, failures (and
     * {@link CancelledException}s of cancelled children) are put in the result list instead.
     *
     * @param returnExceptions whether failures become results
     * @param futures what to wait for
     * @return a future of the results
     */
    public static Future<List<Object>> gather(boolean returnExceptions, Future<?>... futures) {
        return gather(returnExceptions, Arrays.asList(futures));
    }

    /**
     * {@link #gather(boolean, Future...)} over a list.
     *
     * @param returnExceptions whether failures become results
     * @param futures what to wait for
     * @return a future of the results
     */
    public static Future<List<Object>> gather(boolean returnExceptions, List<? extends Future<?>> futures) {
        return Gathering.of(returnExceptions, futures);
    }

    // ---- timeouts --------------------------------------------------------------------------

    /**
     * asyncio's {@code wait_for()}: {@code future}'s outcome, or, if {@code timeout} seconds
     * pass first, {@code future} is cancelled and the returned future fails with
     * {@link TimeoutException} (if the work swallowed the cancellation and returned a value,
     * that value). A timeout of 0 or less cancels a pending future at once;
     * {@link Double#POSITIVE_INFINITY} waits forever.
     *
     * @param future the work
     * @param timeout seconds
     * @param <T> the type of the result
     * @return a future to {@code await}
     */
    public static <T> Future<T> waitFor(Future<T> future, double timeout) {
        Timeout deadline = new Timeout(future.getLoop(), future.getLoop().time() + timeout);
        Future<T> outcome = deadline.run(future);
        if (timeout <= 0 && !future.done()) {
            deadline.expire();
        }
        return outcome;
    }

    /**
     * {@link #waitFor(Future, double)} with a {@link Duration}.
     *
     * @param future the work
     * @param timeout how long
     * @param <T> the type of the result
     * @return a future to {@code await}
     */
    public static <T> Future<T> waitFor(Future<T> future, Duration timeout) {
        return waitFor(future, seconds(timeout));
    }

    /**
     * asyncio's {@code timeout()}: a deadline {@code delay} seconds from now, to guard work
     * with {@link Timeout#run}. {@link Double#POSITIVE_INFINITY} means none (until
     * {@link Timeout#reschedule}).
     *
     * @param delay seconds from now
     * @return an unused timeout
     */
    public static Timeout timeout(double delay) {
        EventLoop loop = getEventLoop();
        return new Timeout(loop, loop.time() + delay);
    }

    /**
     * {@link #timeout(double)} with a {@link Duration}.
     *
     * @param delay how long from now
     * @return an unused timeout
     */
    public static Timeout timeout(Duration delay) {
        return timeout(seconds(delay));
    }

    /**
     * Runs the {@code @Async} call {@code body} under a deadline {@code delay} seconds from
     * now: {@code await(timeout(1.0, () -> fetch(url)))}.
     *
     * @param delay seconds from now
     * @param body an {@code @Async} call
     * @param <T> the type of the result
     * @return a future with the body's outcome, or failing with {@link TimeoutException}
     */
    public static <T> Future<T> timeout(double delay, Supplier<? extends Task<T>> body) {
        return timeout(delay).run(body);
    }

    /**
     * asyncio's {@code timeout_at()}: a deadline at loop time {@code when}.
     *
     * @param when the deadline in {@link EventLoop#time()} seconds
     * @return an unused timeout
     */
    public static Timeout timeoutAt(double when) {
        return new Timeout(getEventLoop(), when);
    }

    // ---- shield, wait, asCompleted ---------------------------------------------------------

    /**
     * asyncio's {@code shield()}: a future with {@code future}'s outcome whose cancellation does
     * not cancel {@code future}. A task cancelled while awaiting the shield stops waiting; the
     * shielded work goes on.
     *
     * @param future the work to protect
     * @param <T> the type of the result
     * @return {@code future} itself if done, else a new future mirroring it
     */
    public static <T> Future<T> shield(Future<T> future) {
        if (future.done()) {
            return future;
        }
        Future<T> outer = new Future<>(future.getLoop());
        java.util.function.Consumer<Future<T>> innerDone = inner -> {
            if (outer.cancelled()) {
                if (!inner.cancelled()) {
                    inner.exception();
                }
            } else {
                outer.adoptOutcome(inner);
            }
        };
        future.addDoneCallback(innerDone);
        outer.addDoneCallback(o -> {
            if (!future.done()) {
                future.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }

    /**
     * asyncio's {@code wait()} with {@link ReturnWhen#ALL_COMPLETED} and no timeout.
     *
     * @param futures what to wait for; not empty
     * @return a future of the done and pending sets
     */
    public static Future<DoneAndPending> wait(Collection<? extends Future<?>> futures) {
        return wait(futures, Double.POSITIVE_INFINITY, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * asyncio's {@code wait()} without a timeout.
     *
     * @param futures what to wait for; not empty
     * @param returnWhen when to return
     * @return a future of the done and pending sets
     */
    public static Future<DoneAndPending> wait(Collection<? extends Future<?>> futures, ReturnWhen returnWhen) {
        return wait(futures, Double.POSITIVE_INFINITY, returnWhen);
    }

    /**
     * asyncio's {@code wait()}: waits until {@code returnWhen} holds or {@code timeout} seconds
     * pass, then splits {@code futures} into done and pending. Never fails with a timeout and
     * never cancels anything.
     *
     * @param futures what to wait for; not empty
     * @param timeout seconds, or {@link Double#POSITIVE_INFINITY}
     * @param returnWhen when to return
     * @return a future of the done and pending sets
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static Future<DoneAndPending> wait(Collection<? extends Future<?>> futures, double timeout,
            ReturnWhen returnWhen) {
        Objects.requireNonNull(returnWhen, "returnWhen");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        List<Future<?>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        return Waiting.start(loopOf(distinct), distinct, timeout, returnWhen);
    }

    /**
     * asyncio's {@code as_completed()}: as many futures as given; the first completes with the
     * outcome of whichever given future finishes first, the second with the next, and so on. The
     * result is also an {@link AsyncIterator} handing out the given futures themselves in the
     * order they finish (asyncio 3.13's {@code async for}); see {@link CompletionOrder}.
     *
     * @param futures what to wait for
     * @param <T> the type of the results
     * @return futures in completion order, to {@code await} one by one, or to iterate asynchronously
     */
    public static <T> CompletionOrder<T> asCompleted(Collection<? extends Future<? extends T>> futures) {
        return asCompleted(futures, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #asCompleted(Collection)}; when {@code timeout} seconds pass, the futures not yet
     * completed fail with {@link TimeoutException}, and so does the async iteration's {@code hasNext()}.
     *
     * @param futures what to wait for
     * @param timeout seconds, or {@link Double#POSITIVE_INFINITY}
     * @param <T> the type of the results
     * @return futures in completion order, to {@code await} one by one, or to iterate asynchronously
     */
    public static <T> CompletionOrder<T> asCompleted(Collection<? extends Future<? extends T>> futures,
            double timeout) {
        List<Future<? extends T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        return AsCompleted.start(loopOf(distinct), distinct, timeout);
    }

    private static EventLoop loopOf(List<? extends Future<?>> futures) {
        for (Future<?> future : futures) {
            if (future.loop != null) {
                return future.loop;
            }
        }
        return getEventLoop();
    }

    // ---- async generators ------------------------------------------------------------------

    /**
     * Hands {@code value} to the consumer of the async generator whose body calls it; {@code await}
     * the result: it resumes when the consumer asks for the next element, so nothing runs ahead of
     * the consumer. When the generator is closed, it resumes with {@link CancelledException}.
     *
     * <pre>{@code await(emit(line));}</pre>
     *
     * @param value the element
     * @param <T> the elements
     * @return a future done when the consumer asks for the next element
     * @throws IllegalStateException outside the body of an async generator (see
     *     {@link AsyncIterator#generate})
     */
    public static <T> Future<Void> emit(T value) {
        return GeneratorRun.emitFromCurrentBody(value);
    }

    // ---- tasks -----------------------------------------------------------------------------

    /**
     * asyncio's {@code create_task()}: a task on the running loop whose body starts on the next
     * iteration.
     *
     * @param body an {@code @Async} call, e.g. {@code () -> fetch(url)}
     * @param <T> the type of the result
     * @return the task
     * @throws IllegalStateException "no running event loop"
     */
    public static <T> Task<T> createTask(Supplier<? extends Task<T>> body) {
        return getRunningLoop().createTask(body);
    }

    /**
     * {@link #createTask(Supplier)} whose steps run in {@code context} itself rather than a copy of the
     * caller's (asyncio's {@code create_task(coro, context=ctx)}).
     *
     * @param body an {@code @Async} call
     * @param context the context, or {@code null} for a copy of the caller's
     * @param <T> the type of the result
     * @return the task
     * @throws IllegalStateException "no running event loop"
     */
    public static <T> Task<T> createTask(Supplier<? extends Task<T>> body, Context context) {
        return getRunningLoop().createTask(body, context);
    }

    /**
     * asyncio's {@code ensure_future()} for a future: the future itself.
     *
     * @param future a future
     * @param <T> the type of the result
     * @return {@code future}
     */
    public static <T> Future<T> ensureFuture(Future<T> future) {
        return Objects.requireNonNull(future, "future");
    }

    /**
     * asyncio's {@code ensure_future()} for a completion stage: {@link #wrapFuture}.
     *
     * @param stage a completion stage
     * @param <T> the type of the result
     * @return a future of {@link #getEventLoop()}
     */
    public static <T> Future<T> ensureFuture(CompletionStage<T> stage) {
        return wrapFuture(stage);
    }

    /**
     * asyncio's {@code ensure_future()} for a coroutine: a task on {@link #getEventLoop()}
     * whose body starts on the loop's next iteration.
     *
     * @param body an {@code @Async} call
     * @param <T> the type of the result
     * @return the task
     */
    public static <T> Task<T> ensureFuture(Supplier<? extends Task<T>> body) {
        return getEventLoop().createTask(body);
    }

    /**
     * {@link #ensureFuture(Supplier)} whose steps run in {@code context}.
     *
     * @param body an {@code @Async} call
     * @param context the context, or {@code null} for a copy of the caller's
     * @param <T> the type of the result
     * @return the task
     */
    public static <T> Task<T> ensureFuture(Supplier<? extends Task<T>> body, Context context) {
        return getEventLoop().createTask(body, context);
    }

    /**
     * The task running on this thread's loop: inside the body of a task made by {@code createTask},
     * {@code ensureFuture}, {@code TaskGroup.createTask} or {@code run}, that task, before and after
     * every {@code await}, also in the {@code @Async} methods it calls.
     *
     * @return the task, or {@code null} outside a task
     */
    public static Task<?> currentTask() {
        EventLoop loop = CurrentLoop.running();
        return loop == null ? null : loop.currentTask();
    }

    /**
     * @return the running loop's tasks that are not done
     * @throws IllegalStateException "no running event loop"
     */
    public static Set<Task<?>> allTasks() {
        return new LinkedHashSet<>(getRunningLoop().pendingTasks.snapshot());
    }

    /**
     * asyncio's {@code to_thread()}: runs the blocking {@code call} on the running loop's
     * default executor, in a copy of the caller's {@link Context} (its {@link ContextVar}s and
     * propagated thread-locals); the returned future completes on the loop's thread.
     *
     * @param call blocking work
     * @param <T> the type of the result
     * @return a future of the call's result
     * @throws IllegalStateException "no running event loop"
     */
    public static <T> Future<T> toThread(Callable<T> call) {
        EventLoop loop = getRunningLoop();
        Context context = Context.copyContext();
        return loop.runInExecutor(null, () -> context.run(call));
    }

    /**
     * asyncio's {@code wrap_future()}: a future of {@link #getEventLoop()} that completes as
     * {@code stage} does, through the loop's thread-safe queue when another thread completes it.
     * Cancelling the returned future cancels {@code stage} if it is a plain
     * {@link CompletableFuture}; any other stage (a subclass such as
     * {@link CompletableFuture#minimalCompletionStage()}, or a stage of another library) is only
     * used through {@link CompletionStage#whenComplete}.
     *
     * @param stage a completion stage
     * @param <T> the type of the result
     * @return a future of this thread's loop
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return wrapFuture(stage, getEventLoop());
    }

    /**
     * {@link #wrapFuture(CompletionStage)} on a given loop.
     *
     * @param stage a completion stage
     * @param loop the loop of the returned future
     * @param <T> the type of the result
     * @return a future of {@code loop}
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage, EventLoop loop) {
        Objects.requireNonNull(stage, "stage");
        Future<T> future = new Future<>(loop);
        if (PlainCompletableFuture.is(stage)) {
            CompletableFuture<T> source = (CompletableFuture<T>) stage;
            future.addDoneCallback(f -> {
                if (f.cancelled()) {
                    source.cancel(false);
                }
            });
        }
        stage.whenComplete((value, failure) -> loop.enqueueThreadsafe(() -> {
            if (future.done()) {
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof java.util.concurrent.CancellationException) {
                future.cancelFuture(cause.getMessage());
            } else if (cause != null) {
                future.finishException(cause);
            } else {
                future.finishResult(value);
            }
        }));
        return future;
    }

    // ---- streams ---------------------------------------------------------------------------

    /**
     * asyncio's {@code open_connection}: connects to {@code host:port} on the running loop and returns
     * a reader and a writer for the connection.
     *
     * @param host a name or an IP literal
     * @param port the port
     * @return a future of the streams, failing with {@link ConnectionRefusedException} (naming
     *     {@code host:port}) or another {@link ConnectionException}
     * @throws IllegalStateException "no running event loop"
     */
    public static Future<Streams> openConnection(String host, int port) {
        return openConnection(host, port, ConnectionOptions.DEFAULTS);
    }

    /**
     * {@link #openConnection(String, int)} with the reader's {@code limit}.
     *
     * @param host a name or an IP literal
     * @param port the port
     * @param limit the reader's limit (see {@link StreamReader})
     * @return a future of the streams
     */
    public static Future<Streams> openConnection(String host, int port, int limit) {
        return openStreams(limit, (loop, protocol) -> loop.createConnection(() -> protocol, host, port));
    }

    /**
     * {@link #openConnection(String, int)} with options, e.g. TLS (asyncio's {@code ssl=}):
     * {@code openConnection("example.com", 443, ConnectionOptions.DEFAULTS.withSsl(SSLContext.getDefault()))}
     * completes once the TLS handshake succeeded; the streams carry plain bytes (the reader has the
     * default limit).
     *
     * @param host a name or an IP literal
     * @param port the port
     * @param options TLS context, server host name and TLS timeouts
     * @return a future of the streams, failing as {@link #openConnection(String, int)} does, or with the
     *     handshake's {@link javax.net.ssl.SSLHandshakeException} or {@link TimeoutException}
     */
    public static Future<Streams> openConnection(String host, int port, ConnectionOptions options) {
        return openStreams(StreamReader.DEFAULT_LIMIT,
                (loop, protocol) -> loop.createConnection(() -> protocol, host, port, options));
    }

    /**
     * asyncio's {@code open_unix_connection}: connects to the Unix-domain socket at {@code path} on the
     * running loop and returns a reader and a writer for the connection.
     *
     * @param path the socket file's path
     * @return a future of the streams, failing with a {@link ConnectionException} naming {@code path}
     * @throws IllegalStateException "no running event loop"
     * @throws UnsupportedOperationException on a {@link ProactorEventLoop} (see
     *     {@link EventLoop#createUnixConnection})
     */
    public static Future<Streams> openUnixConnection(String path) {
        return openUnixConnection(path, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * {@link #openUnixConnection(String)} with the reader's {@code limit}.
     *
     * @param path the socket file's path
     * @param limit the reader's limit (see {@link StreamReader})
     * @return a future of the streams
     */
    /**
     * {@link #openUnixConnection(String)} with options, e.g. TLS:
     * {@code ConnectionOptions.DEFAULTS.withSsl(context).withServerHostname("db.internal")} (a path names
     * no host, so {@code serverHostname} is required with {@code ssl}; see
     * {@link EventLoop#createUnixConnection(java.util.function.Supplier, String, ConnectionOptions)}).
     *
     * @param path the socket file's path
     * @param options {@code ssl}, {@code serverHostname}, the TLS timeouts
     * @return a future of the streams, failing as {@link #openConnection(String, int, ConnectionOptions)}'s does
     */
    public static Future<Streams> openUnixConnection(String path, ConnectionOptions options) {
        return openStreams(StreamReader.DEFAULT_LIMIT,
                (loop, protocol) -> loop.createUnixConnection(() -> protocol, path, options));
    }

    /**
     * {@link #openUnixConnection(String)} with the reader's {@code limit}.
     *
     * @param path the socket file's path
     * @param limit the reader's limit (see {@link StreamReader})
     * @return a future of the streams
     */
    public static Future<Streams> openUnixConnection(String path, int limit) {
        return openStreams(limit, (loop, protocol) -> loop.createUnixConnection(() -> protocol, path));
    }

    /** Streams over the connection that {@code connect} makes for a stream protocol on the running loop. */
    private static Future<Streams> openStreams(int limit,
            BiFunction<EventLoop, StreamReaderProtocol, Future<Connection<StreamReaderProtocol>>> connect) {
        EventLoop loop = getRunningLoop();
        StreamReader reader = new StreamReader(limit, loop);
        StreamReaderProtocol protocol = new StreamReaderProtocol(loop, reader, null);
        return FutureChain.map(loop, connect.apply(loop, protocol),
                connection -> new Streams(reader, new StreamWriter(connection.transport(), protocol, reader, loop)),
                connection -> connection.transport().abort());
    }

    /**
     * asyncio's {@code start_server}: listens on {@code host:port} (port 0: a free one, see
     * {@link Server#port()}) on the running loop and calls {@code handler} with a reader and a writer
     * for each client, as a task of its own, e.g. {@code startServer(Echo::handle, "127.0.0.1", 0)}.
     *
     * @param handler serves one client
     * @param host the address to listen on ({@code null}: all interfaces)
     * @param port the port
     * @return a future of the server, serving already
     */
    public static Future<Server> startServer(ClientConnected handler, String host, int port) {
        return startServer(handler, host, port, ServerOptions.DEFAULTS);
    }

    /**
     * {@link #startServer(ClientConnected, String, int)} with options, e.g.
     * {@code ServerOptions.DEFAULTS.withReusePort(true)} to run one server loop per thread on one port,
     * or {@code ServerOptions.DEFAULTS.withSsl(context)} to serve TLS (the handler runs once a client's
     * handshake succeeded; its streams carry plain bytes).
     *
     * @param handler serves one client
     * @param host the address to listen on ({@code null}: all interfaces)
     * @param port the port
     * @param options backlog, address and port reuse, whether to start serving, TLS
     * @return a future of the server
     */
    public static Future<Server> startServer(ClientConnected handler, String host, int port, ServerOptions options) {
        EventLoop loop = getRunningLoop();
        return loop.createServer(streamProtocols(loop, handler), host, port, options);
    }

    /**
     * asyncio's {@code start_unix_server}: listens on a Unix-domain socket at {@code path} on the
     * running loop and calls {@code handler} with a reader and a writer for each client, as a task of
     * its own. A socket file left at {@code path} is replaced; the server removes its file when it
     * closes.
     *
     * @param handler serves one client
     * @param path the socket file's path
     * @return a future of the server, serving already
     * @throws UnsupportedOperationException on a {@link ProactorEventLoop} (see
     *     {@link EventLoop#createUnixServer(java.util.function.Supplier, String, ServerOptions)})
     */
    public static Future<Server> startUnixServer(ClientConnected handler, String path) {
        return startUnixServer(handler, path, ServerOptions.DEFAULTS);
    }

    /**
     * {@link #startUnixServer(ClientConnected, String)} with options (the backlog, and whether to start
     * serving).
     *
     * @param handler serves one client
     * @param path the socket file's path
     * @param options backlog, whether to start serving
     * @return a future of the server
     */
    public static Future<Server> startUnixServer(ClientConnected handler, String path, ServerOptions options) {
        EventLoop loop = getRunningLoop();
        return loop.createUnixServer(streamProtocols(loop, handler), path, options);
    }

    /** A stream protocol per client, each starting {@code handler} on its connection. */
    private static Supplier<Protocol> streamProtocols(EventLoop loop, ClientConnected handler) {
        Objects.requireNonNull(handler, "handler");
        return () -> new StreamReaderProtocol(loop, new StreamReader(StreamReader.DEFAULT_LIMIT, loop), handler);
    }

    // ---- loops -----------------------------------------------------------------------------

    /**
     * @return the loop running on this thread
     * @throws IllegalStateException "no running event loop" when none runs here
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = CurrentLoop.running();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /**
     * asyncio's {@code get_event_loop()}: the running loop, else this thread's loop (the main
     * thread gets one on demand).
     *
     * @return the loop
     * @throws IllegalStateException "There is no current event loop in thread '...'" on
     *     another thread without one
     */
    public static EventLoop getEventLoop() {
        return CurrentLoop.get(null);
    }

    /**
     * @param loop this thread's loop from now on, or {@code null} to clear it
     */
    public static void setEventLoop(EventLoop loop) {
        CurrentLoop.set(loop);
    }

    /**
     * @return a new loop of the kind the policy makes; not set as this thread's loop
     */
    public static EventLoop newEventLoop() {
        return CurrentLoop.newEventLoop();
    }

    /** @return the policy deciding which loops {@link #newEventLoop()} makes */
    public static EventLoopPolicy getEventLoopPolicy() {
        return CurrentLoop.policy();
    }

    /** @param policy the new policy, or {@code null} for the default one */
    public static void setEventLoopPolicy(EventLoopPolicy policy) {
        CurrentLoop.setPolicy(policy);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
