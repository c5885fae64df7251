package org.jasyncio;

import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jasyncio.internal.access.Access;
import org.jasyncio.internal.loop.CallbackDescription;
import org.jasyncio.spi.Clock;
import org.jasyncio.internal.loop.DaemonThreadFactory;
import org.jasyncio.internal.loop.DebugSetting;
import org.jasyncio.spi.Poller;
import org.jasyncio.internal.loop.SlowCallbackReporter;
import org.jasyncio.internal.loop.SourceLocation;
import org.jasyncio.internal.loop.ThreadsafeInbox;
import org.jasyncio.internal.loop.TimerQueue;
import org.jasyncio.internal.net.NetworkDriver;

/**
 * asyncio's event loop: runs callbacks, timers and I/O callbacks one iteration at a time on a single
 * thread. Get one with {@code AsyncIO.newEventLoop()} (a {@link SelectorEventLoop} by default) or let
 * {@code AsyncIO.run(...)} manage it.
 *
 * <p>One iteration does what asyncio's {@code _run_once} does: it polls for I/O (not waiting if
 * callbacks are ready or a stop is pending, else until the earliest timer), queues the callbacks of
 * ready I/O and due timers, then runs exactly the callbacks that were ready at that moment; whatever
 * they schedule runs in the next iteration. Callbacks scheduled with {@link #callSoon} run in FIFO
 * order; timers with equal deadlines run in the order they were scheduled.
 *
 * <p>Only {@link #callSoonThreadsafe} (and {@link #stop()}) may be called from other threads; every
 * other method belongs to the loop's thread. In debug mode ({@link #setDebug}, or
 * {@code -Djasyncio.debug=true}, or the environment variable {@code JASYNCIO_DEBUG=1} when the loop is
 * created) a scheduling call from another thread while the loop runs throws, handles remember where
 * they were created, and callbacks slower than {@link #getSlowCallbackDuration()} are logged.
 *
 * <p>Everything the loop reports goes to its exception handler ({@link #setExceptionHandler}), by
 * default the {@link System.Logger} named {@code "org.jasyncio"}.
 */
public abstract class EventLoop {

    private static final System.Logger LOGGER = System.getLogger("org.jasyncio");
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle BUSY;
    /** asyncio's cap on one poll while a timer is pending: 24 hours. */
    private static final long MAX_POLL_NANOS = TimeUnit.HOURS.toNanos(24);
    /** Far enough to mean "never" yet leave room to compare deadlines by subtraction. */
    private static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 4;
    private static final long DEFAULT_SLOW_CALLBACK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** asyncio's limit on waiting for the default executor's threads in {@code shutdownDefaultExecutor}. */
    private static final long EXECUTOR_SHUTDOWN_TIMEOUT_SECONDS = 300;

    static {
        Access.install(new LoopHooks());
        try {
            BUSY = MethodHandles.lookup().findVarHandle(EventLoop.class, "busy", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id = IDS.incrementAndGet();
    private final Poller poller;
    private final Clock clock;
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private final ThreadsafeInbox inbox;
    private final TimerQueue<TimerHandle> timers = new TimerQueue<>(TimerHandle::cancelled);
    private final SlowCallbackReporter slowCallbacks = new SlowCallbackReporter(LOGGER);

    private volatile Thread thread;
    /**
     * Odd while this loop runs an iteration's callbacks, even while it waits in its poller or is not
     * running: another thread reading the tasks ({@link TaskGraphSnapshot}) tells by it whether they
     * held still. Written with release semantics, the writes cost no fence on the common CPUs.
     */
    private int busy;
    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile boolean debug = DebugSetting.fromEnvironment();
    /** Where the futures made in debug mode were created, for their repr. */
    final CreationSites creationSites = new CreationSites();
    private long slowCallbackNanos = DEFAULT_SLOW_CALLBACK_NANOS;
    private ExceptionHandler exceptionHandler;
    private Executor defaultExecutor;
    private boolean executorShutdownCalled;
    private Task<?> currentTask;
    /** The context state of the thread running this loop, while it runs: what steps and callbacks enter. */
    ContextState contextState;
    /** asyncio's all_tasks() of this loop. */
    final PendingTasks pendingTasks = new PendingTasks();
    /** Futures failed on this thread lately, until their exceptions are seen or their report is armed. */
    final FailureWatch failureWatch = new FailureWatch(this);
    /** asyncio's {@code _asyncgens}: the async generators of this loop that started and did not end. */
    final OpenGenerators openGenerators = new OpenGenerators();
    private final LoopNetwork network;
    /** Armed "exception was never retrieved" reports not sent yet: {@link #close()} sends them. */
    final OwedReports owedReports = new OwedReports();

    /**
     * For loop implementations (see {@link org.jasyncio.spi}): a loop that polls with {@code poller}
     * and reads time from {@code clock}, e.g. a test loop in virtual time. It has no network I/O:
     * its network calls throw {@link UnsupportedOperationException}.
     *
     * @param poller waits for I/O or a wake-up, or advances a virtual clock
     * @param clock the loop's time source
     */
    protected EventLoop(Poller poller, Clock clock) {
        this(poller, clock, loop -> null);
    }

    /** The loop's network front door, for {@link LoopHooks}. */
    LoopNetwork network() {
        return network;
    }

    /** A loop whose network I/O is done by the driver {@code network} makes for it. */
    EventLoop(Poller poller, Clock clock, Function<EventLoop, NetworkDriver> network) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = new ThreadsafeInbox(poller::wakeup);
        this.network = new LoopNetwork(this, network.apply(this));
        LiveLoops.add(this);
    }

    // ---- scheduling ------------------------------------------------------------------------------

    /**
     * Schedules {@code callback} to run on the next iteration, after the callbacks already scheduled
     * (FIFO), in a copy of the current {@link Context} (asyncio's {@code context=}). Never runs it
     * inside this call.
     *
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}
     */
    public Handle callSoon(Runnable callback) {
        checkSchedulable(callback);
        Handle handle = new Handle(callback, createdAt(), Context.forCallback());
        schedule(handle);
        return handle;
    }

    /**
     * Like {@link #callSoon} but callable from any thread; wakes the loop if it is waiting for I/O.
     * A threadsafe call made before a {@code callSoon} runs before it. The callback runs in a copy of
     * the calling thread's {@link Context}.
     *
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        Handle handle = new Handle(callback, createdAt(), Context.forCallback());
        inbox.add(handle);
        return handle;
    }

    /**
     * Schedules {@code callback} to run {@code delaySeconds} from now (a delay of zero or less: as soon
     * as possible, after the callbacks already ready), in a copy of the current {@link Context}.
     *
     * @throws IllegalArgumentException if the delay is NaN
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}
     */
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        if (Double.isNaN(delaySeconds)) {
            throw new IllegalArgumentException("delay is NaN");
        }
        return callLaterSeconds(delaySeconds, callback);
    }

    /** {@link #callLater(double, Runnable)} with a {@link Duration}. */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callLaterSeconds(durationToNanos(delay) / 1e9, callback);
    }

    /**
     * Schedules {@code callback} to run at {@code when}, on the scale of {@link #time()}, in a copy of
     * the current {@link Context}.
     *
     * @throws IllegalArgumentException if {@code when} is NaN
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}
     */
    public TimerHandle callAt(double when, Runnable callback) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when is NaN");
        }
        checkSchedulable(callback);
        return addTimer(whenToDeadline(when, clock.nanoTime()), when, callback);
    }

    /** The loop's clock: monotonic seconds on an arbitrary origin, the scale of {@link #callAt}. */
    public double time() {
        return clock.nanoTime() / 1e9;
    }

    /**
     * Loop-thread scheduling for the runtime's own callbacks (task steps, done-callbacks): FIFO with
     * {@link #callSoon}, without a {@link Handle}.
     */
    void enqueue(Runnable callback) {
        checkSchedulable(callback);
        schedule(callback);
    }

    /** {@link #enqueue} from any thread, waking the loop. */
    void enqueueThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        inbox.add(callback);
    }

    void timerCancelled() {
        timers.noteCancelled();
    }

    /** asyncio's {@code call_later}: {@code callAt(time() + delay)}, from one clock reading. */
    private TimerHandle callLaterSeconds(double delaySeconds, Runnable callback) {
        checkSchedulable(callback);
        long now = clock.nanoTime();
        double when = now / 1e9 + delaySeconds;
        return addTimer(whenToDeadline(when, now), when, callback);
    }

    private TimerHandle addTimer(long deadline, double when, Runnable callback) {
        TimerHandle timer = new TimerHandle(callback, createdAt(), Context.forCallback(), this, when);
        timers.add(deadline, timer);
        return timer;
    }

    /**
     * The clock reading {@code when} stands for. It depends on {@code when} alone, not on the time of
     * the call, so that equal {@code when}s are equal deadlines and run in the order they were
     * scheduled; only a {@code when} too far from {@code now} to compare by subtraction is clamped.
     * Rounded down, so that {@code callLater(0)} is never a nanosecond late (which would cost a
     * millisecond's poll).
     */
    private static long whenToDeadline(double when, long now) {
        double nanos = when * 1e9;
        double ahead = nanos - now;
        if (ahead >= MAX_DELAY_NANOS) {
            return now + MAX_DELAY_NANOS;
        }
        return ahead <= -MAX_DELAY_NANOS ? now - MAX_DELAY_NANOS : (long) Math.floor(nanos);
    }

    private void schedule(Object callback) {
        if (!inbox.isEmpty()) {
            inbox.drainTo(ready);
        }
        ready.add(callback);
    }

    private void checkSchedulable(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkClosed();
        if (debug) {
            checkThread();
        }
    }

    private String createdAt() {
        return debug ? SourceLocation.ofCaller() : null;
    }

    private static long secondsToNanos(double seconds) {
        double nanos = seconds * 1e9;
        if (nanos >= MAX_DELAY_NANOS) {
            return MAX_DELAY_NANOS;
        }
        return nanos <= -MAX_DELAY_NANOS ? -MAX_DELAY_NANOS : (long) nanos;
    }

    private static long durationToNanos(Duration duration) {
        Objects.requireNonNull(duration, "delay");
        if (duration.compareTo(Duration.ofNanos(MAX_DELAY_NANOS)) >= 0) {
            return MAX_DELAY_NANOS;
        }
        return duration.compareTo(Duration.ofNanos(-MAX_DELAY_NANOS)) <= 0 ? -MAX_DELAY_NANOS : duration.toNanos();
    }

    // ---- running ---------------------------------------------------------------------------------

    /**
     * Runs iterations until {@link #stop()} is called. If {@code stop()} was called before, runs
     * exactly one iteration (polling without waiting) and returns.
     *
     * @throws IllegalStateException "Event loop is closed", "This event loop is already running", or
     *     "Cannot run the event loop while another loop is running" (in this thread)
     */
    public void runForever() {
        checkClosed();
        checkNotRunning();
        thread = Thread.currentThread();
        CurrentLoop.setRunning(this);
        contextState = ContextState.ofThisThread();
        Context outside = contextState.enterLoop(this);
        try {
            do {
                runOnce();
            } while (!stopping);
        } finally {
            failureWatch.loopStopped();
            stopping = false;
            contextState.leaveLoop(outside);
            contextState = null;
            thread = null;
            CurrentLoop.setRunning(null);
        }
    }

    /**
     * Runs the loop until {@code future} is done and returns its result, or throws the exception it
     * failed with (checked ones too, undeclared) or {@link CancelledException}. A pending task made by
     * an {@code @Async} call starts here, if it has not already.
     *
     * @throws IllegalStateException "Event loop is closed", "This event loop is already running",
     *     "Cannot run the event loop while another loop is running", or "Event loop stopped before
     *     Future completed." if {@link #stop()} was called first
     * @throws IllegalArgumentException if a pending {@code future} belongs to another loop
     */
    public <T> T runUntilComplete(Future<T> future) {
        Objects.requireNonNull(future, "future");
        checkClosed();
        checkNotRunning();
        if (future.getLoop() != this) {
            if (future.done()) {
                return future.result();
            }
            throw new IllegalArgumentException(
                    "The future belongs to a different loop than the one specified as the loop argument");
        }
        Consumer<Future<T>> stopWhenDone = done -> {
            // a VirtualMachineError that failed it left runForever at once: a stop now would end the
            // next run (asyncio's bpo-22429)
            if (!(done.failed() && done.failure() instanceof VirtualMachineError)) {
                stop();
            }
        };
        future.addDoneCallback(stopWhenDone);
        try {
            runForever();
        } catch (VirtualMachineError fatal) {
            if (future.done() && future.failed()) {
                // its error reaches this caller, now: nothing to report as never retrieved
                future.markRetrieved();
            }
            throw fatal;
        } finally {
            future.removeDoneCallback(stopWhenDone);
        }
        if (!future.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /**
     * Stops the loop: the current iteration's callbacks complete, then {@link #runForever()} returns.
     * Called while the loop is not running, the next {@code runForever()} runs one iteration only.
     */
    public void stop() {
        stopping = true;
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            poller.wakeup();
        }
    }

    /** True while {@link #runForever()} (or {@code runUntilComplete}) is executing. */
    public boolean isRunning() {
        return thread != null;
    }

    /** True if this loop is running on the calling thread. */
    boolean isRunningOnCurrentThread() {
        return thread == Thread.currentThread();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: reports to the exception handler every failed future or task whose exception
     * nobody retrieved ("Task exception was never retrieved", as the garbage collector would, which may
     * never run before the program ends; such a report is never sent twice), drops pending callbacks
     * and timers, shuts the default executor down without waiting for it, and releases the poller.
     * Idempotent. Afterwards every scheduling call throws {@code IllegalStateException("Event loop is
     * closed")}.
     *
     * @throws IllegalStateException "Cannot close a running event loop"
     */
    public void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        if (debug) {
            LOGGER.log(System.Logger.Level.DEBUG, "Close " + this);
        }
        owedReports.sendAll();
        closed = true;
        ready.clear();
        inbox.clear();
        timers.clear();
        Executor executor = defaultExecutor;
        defaultExecutor = null;
        if (executor instanceof ExecutorService) {
            ((ExecutorService) executor).shutdown();
        }
        poller.close();
        network.close();
        LiveLoops.remove(this);
    }

    /** A process-unique id of this loop. */
    public long id() {
        return id;
    }

    /**
     * Every pending task of this loop, oldest first, each with the {@code @Async} methods and
     * lines it is suspended at and what it awaits (see {@link Task#printStack}): what to print
     * when a program hangs. Call it on the loop's thread (from a callback or a task), or while
     * the loop is not running. From outside a hung process, the JFR event
     * {@code org.jasyncio.TaskGraph} carries the same text: {@code jcmd <pid> JFR.start}, then
     * {@code jcmd <pid> JFR.dump filename=x.jfr} and {@code jfr print --events org.jasyncio.TaskGraph x.jfr}.
     *
     * @return the dump, e.g. {@code "1 pending task:\nStack for <Task pending ...>:\n    at ...\n"}
     */
    public String dumpTasks() {
        return TaskDump.of(pendingTasks.snapshot());
    }

    private void runOnce() {
        timers.dropCancelledHead();
        long timeout;
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else if (timers.isEmpty()) {
            timeout = Poller.INDEFINITELY;
        } else {
            timeout = Math.min(Math.max(0, timers.headDeadline() - clock.nanoTime()), MAX_POLL_NANOS);
        }
        if (timeout != 0 && inbox.prepareToSleep()) {
            poller.poll(timeout);
            inbox.awake();
        } else {
            poller.poll(0);
        }
        BUSY.setRelease(this, busy + 1);
        VarHandle.storeStoreFence();
        try {
            inbox.drainTo(ready);
            moveDueTimers();
            for (int todo = ready.size(); todo > 0; todo--) {
                run(ready.poll());
            }
            failureWatch.iterationEnded();
        } finally {
            BUSY.setRelease(this, busy + 1);
        }
    }

    /** {@link #busy}, read from any thread: odd while the loop runs callbacks. */
    int busySequence() {
        return (int) BUSY.getAcquire(this);
    }

    /** The thread running this loop, or {@code null}; readable from any thread. */
    Thread runningThread() {
        return thread;
    }

    private void moveDueTimers() {
        if (timers.isEmpty()) {
            return;
        }
        long now = clock.nanoTime();
        while (true) {
            timers.dropCancelledHead();
            if (timers.isEmpty() || timers.headDeadline() - now > 0) {
                return;
            }
            TimerHandle timer = timers.removeHead();
            timer.unschedule();
            ready.add(timer);
        }
    }

    private void run(Object callback) {
        if (!debug) {
            invoke(callback);
        } else {
            long start = clock.nanoTime();
            invoke(callback);
            slowCallbacks.check(callback, clock.nanoTime() - start, slowCallbackNanos);
        }
        contextState.afterCallback();
    }

    private void invoke(Object callback) {
        try {
            if (callback instanceof Handle) {
                ((Handle) callback).runCallback(contextState);
            } else {
                ((Runnable) callback).run();
            }
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            Object described = callback instanceof Handle ? ((Handle) callback).callback() : callback;
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Exception in callback " + CallbackDescription.of(
                    described == null ? callback : described));
            context.put("exception", failure);
            context.put("handle", callback);
            callExceptionHandler(context);
        }
    }

    void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private void checkNotRunning() {
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (CurrentLoop.running() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    void checkThread() {
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            throw new IllegalStateException(
                    "Non-thread-safe operation invoked on an event loop other than the current one");
        }
    }

    // ---- futures and tasks -----------------------------------------------------------------------

    /** A new pending {@link Future} on this loop, as {@code new Future<>(loop)}. */
    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /**
     * Wraps an {@code @Async} call in a {@link Task} of this loop whose body starts on the loop's next
     * iteration (asyncio's {@code create_task}), e.g. {@code loop.createTask(() -> fetch(url))}. Every
     * step of the task runs in a copy of the current {@link Context}, taken now.
     *
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}
     */
    public <T> Task<T> createTask(Supplier<? extends Task<T>> coro) {
        return createTask(coro, null);
    }

    /**
     * {@link #createTask(Supplier)} whose steps run in {@code context} itself, not a copy (asyncio's
     * {@code context=}): what the task sets, {@code context} holds afterwards.
     *
     * @param context the context, or {@code null} for a copy of the caller's
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}
     */
    public <T> Task<T> createTask(Supplier<? extends Task<T>> coro, Context context) {
        Objects.requireNonNull(coro, "coro");
        checkClosed();
        return Task.lazy(this, coro, context);
    }

    Task<?> currentTask() {
        return currentTask;
    }

    void currentTask(Task<?> task) {
        currentTask = task;
    }

    // ---- executor --------------------------------------------------------------------------------

    /**
     * Replaces the executor {@code runInExecutor(null, ...)} uses. {@link #close()} shuts it down if it
     * is an {@link ExecutorService}.
     */
    public void setDefaultExecutor(Executor executor) {
        defaultExecutor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs the blocking {@code call} on {@code executor} (or, if {@code null}, on the loop's default
     * executor: a bounded pool of daemon threads that {@link #close()} shuts down) and returns a future
     * of this loop that completes, on the loop's thread, with its result or exception. Cancelling the
     * future before the call starts keeps it from starting.
     *
     * @throws IllegalStateException "Event loop is closed" after {@link #close()}, or "Executor
     *     shutdown has been called" for the default executor after {@link #shutdownDefaultExecutor()}
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
        Objects.requireNonNull(call, "call");
        checkClosed();
        if (debug) {
            checkThread();
        }
        Executor target = executor != null ? executor : defaultExecutor();
        Future<T> future = createFuture();
        target.execute(new ExecutorCall<>(this, future, call));
        return future;
    }

    /**
     * asyncio's {@code shutdown_asyncgens()}: closes every async generator of this loop that started
     * and has not ended ({@link AsyncIterator#close()}), so that their {@code finally} blocks run;
     * a failure to close goes to the exception handler. {@link AsyncIO#run} calls it when its main
     * task is done.
     *
     * @return a future done when all of them have closed
     */
    public Future<Void> shutdownAsyncgens() {
        return openGenerators.shutdown(this);
    }

    /**
     * Shuts the default executor down and returns a future that completes once its threads have
     * finished (asyncio's {@code shutdown_default_executor}); it gives up waiting after
     * {@value #EXECUTOR_SHUTDOWN_TIMEOUT_SECONDS} seconds and logs a warning. Afterwards
     * {@code runInExecutor(null, ...)} throws.
     */
    public Future<Void> shutdownDefaultExecutor() {
        checkClosed();
        executorShutdownCalled = true;
        Future<Void> finished = createFuture();
        Executor executor = defaultExecutor;
        if (!(executor instanceof ExecutorService)) {
            finished.setResult(null);
            return finished;
        }
        ExecutorService service = (ExecutorService) executor;
        service.shutdown();
        Thread waiter = new Thread(() -> {
            boolean terminated = awaitTermination(service);
            if (!terminated) {
                LOGGER.log(System.Logger.Level.WARNING, "The executor did not finish joining its threads within "
                        + EXECUTOR_SHUTDOWN_TIMEOUT_SECONDS + " seconds.");
            }
            if (!isClosed()) {
                callSoonThreadsafe(() -> {
                    if (!finished.done()) {
                        finished.setResult(null);
                    }
                });
            }
        }, "jasyncio-loop" + id + "-executor-shutdown");
        waiter.setDaemon(true);
        waiter.start();
        return finished;
    }

    private static boolean awaitTermination(ExecutorService service) {
        try {
            return service.awaitTermination(EXECUTOR_SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Executor defaultExecutor() {
        if (executorShutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        Executor executor = defaultExecutor;
        if (executor == null) {
            int threads = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new DaemonThreadFactory("jasyncio-loop" + id + "-executor"));
            pool.allowCoreThreadTimeOut(true);
            defaultExecutor = pool;
            executor = pool;
        }
        return executor;
    }

    // ---- network I/O: asyncio's network calls, served by this loop type's LoopNetwork ----------

    /**
     * Calls {@code callback} on the loop whenever {@code channel} is readable (for a server channel:
     * acceptable), until {@link #removeReader}; a second reader for the channel replaces the first.
     * Puts the channel in non-blocking mode.
     *
     * @throws IllegalStateException "Event loop is closed", or if the channel is closed
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        network.addReader(channel, callback);
    }

    /** Stops watching {@code channel} for reading; returns whether a reader was registered (false after {@link #close()}). */
    public boolean removeReader(SelectableChannel channel) {
        return network.removeReader(channel);
    }

    /**
     * Calls {@code callback} on the loop whenever {@code channel} is writable (for a connecting
     * {@link SocketChannel}: when the connect finished), until {@link #removeWriter}; a second writer
     * replaces the first. Puts the channel in non-blocking mode.
     *
     * @throws IllegalStateException "Event loop is closed", or if the channel is closed
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        network.addWriter(channel, callback);
    }

    /** Stops watching {@code channel} for writing; returns whether a writer was registered (false after {@link #close()}). */
    public boolean removeWriter(SelectableChannel channel) {
        return network.removeWriter(channel);
    }

    /**
     * asyncio's {@code sock_connect}: connects {@code channel} (put in non-blocking mode) to
     * {@code address}.
     *
     * @return a future failing with {@link ConnectionRefusedException} ("Connect call failed host:port:
     *     Connection refused") or another {@link ConnectionException}
     * @throws IllegalArgumentException "the socket must be non-blocking", for a channel in blocking mode (so
     *     do the other {@code sock*} methods); a later {@code sock*} call on the same channel and direction
     *     replaces a waiting one, which then fails with {@link IllegalStateException}
     */
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return network.sockConnect(channel, address);
    }

    /** asyncio's {@code sock_accept}: the next connection of {@code channel}, in non-blocking mode. */
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return network.sockAccept(channel);
    }

    /**
     * asyncio's {@code sock_recv}: up to {@code n} bytes, once some are there; an empty array at end of
     * stream. Cancelling the future before data arrives consumes nothing.
     */
    public Future<byte[]> sockRecv(SocketChannel channel, int n) {
        return network.sockRecv(channel, n);
    }

    /** asyncio's {@code sock_recv_into}: reads into {@code buffer} once bytes are there; how many (-1 at end of stream). */
    public Future<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) {
        return network.sockRecvInto(channel, buffer);
    }

    /** asyncio's {@code sock_sendall}: writes all remaining bytes of {@code data}, waiting for the socket as needed. */
    public Future<Void> sockSendall(SocketChannel channel, ByteBuffer data) {
        return network.sockSendall(channel, data);
    }

    /** {@link #sockSendall(SocketChannel, ByteBuffer)} of a whole array. */
    public Future<Void> sockSendall(SocketChannel channel, byte[] data) {
        return sockSendall(channel, ByteBuffer.wrap(data));
    }

    /**
     * asyncio's {@code getaddrinfo}: the socket addresses of {@code host} ({@code null}: the wildcard
     * address) and {@code port}. IP literals are answered at once; names are resolved in the default
     * executor, since the JDK's resolver blocks.
     *
     * @return a future failing with {@link java.io.UncheckedIOException} "getaddrinfo failed for ..."
     */
    public Future<List<InetSocketAddress>> getaddrinfo(String host, int port) {
        return network.getaddrinfo(host, port);
    }

    /**
     * asyncio's {@code create_connection}: connects to {@code host:port} (trying each resolved address
     * in turn), makes a protocol with {@code factory}, and completes once its
     * {@link Protocol#connectionMade} ran. TCP_NODELAY is set. For TLS, see
     * {@link #createConnection(Supplier, String, int, ConnectionOptions)}.
     *
     * @return a future of the transport and protocol, failing with {@link ConnectionRefusedException}
     *     (naming {@code host:port}) or another {@link ConnectionException}
     */
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port) {
        return createConnection(factory, host, port, ConnectionOptions.DEFAULTS);
    }

    /**
     * {@link #createConnection(Supplier, String, int)} with options, e.g.
     * {@code ConnectionOptions.DEFAULTS.withSsl(context)} for TLS (asyncio's {@code ssl=}): the protocol
     * then sees plain bytes, its {@link Protocol#connectionMade} runs once the TLS handshake succeeded,
     * and the future completes after it.
     *
     * @return a future of the transport and protocol, failing as the plain one does, or with the
     *     handshake's {@link javax.net.ssl.SSLHandshakeException} (the JDK's message, e.g. "PKIX path
     *     building failed: ...") or {@link TimeoutException} after {@code sslHandshakeTimeout}
     * @throws IllegalArgumentException if {@code serverHostname} is set without {@code ssl}, or with
     *     {@code ssl} neither it nor {@code host} is given ("You must set serverHostname (server_hostname) when
     *     using ssl without a host")
     */
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> factory, String host, int port,
            ConnectionOptions options) {
        return network.createConnection(factory, host, port, options);
    }

    /**
     * {@link #startTls(Transport, Protocol, ConnectionOptions, boolean)} as the client, e.g.
     * {@code startTls(transport, protocol, ConnectionOptions.DEFAULTS.withSsl(context).withServerHostname("mail.example.com"))}
     * after an SMTP server answered {@code STARTTLS}.
     */
    public Future<Transport> startTls(Transport transport, Protocol protocol, ConnectionOptions options) {
        return startTls(transport, protocol, options, false);
    }

    /**
     * asyncio's {@code start_tls}: upgrades a plain TCP connection to TLS in place (STARTTLS in SMTP and
     * IMAP, PostgreSQL's SSLRequest). {@code protocol}, which {@code transport} serves, keeps serving the
     * connection: it gets the plain bytes through the returned transport, and its
     * {@link Protocol#connectionMade} is not called again. Use the returned transport from then on; the old
     * one carries the records and must not be written to any more. Reading pauses until the handshake
     * starts on the next iteration: bytes the peer sends from now on (its handshake) go to TLS, bytes
     * {@code protocol} already got stay its own. Bytes still in the write buffer (a "go ahead" reply the
     * socket did not take yet) are sent before the handshake.
     *
     * <p>Call it right after the last plain exchange, in the same callback (or task step) that read or
     * wrote it: whatever arrives while the connection is still plain goes to {@code protocol}.
     *
     * @param transport a plain TCP connection ({@link #createConnection}, {@link #createServer}, or a
     *     Unix-domain one with {@code serverHostname} set), or a TLS one: the new TLS then runs inside the
     *     first (its records are the first's plain bytes, as through an HTTPS proxy's tunnel)
     * @param protocol the protocol that gets the plain bytes (usually {@code transport.getProtocol()})
     * @param options {@code ssl}, the context (required; a server's has its key and certificate);
     *     {@code serverHostname}, checked against the server's certificate and sent in SNI ({@code null}: the
     *     peer's IP address, which the certificate must then name; {@code ""}: no check, a risk) and only
     *     for a client; the handshake and shutdown timeouts
     * @param serverSide whether this side is the TLS server
     * @return a future of the TLS transport, completing once the handshake succeeded, or failing with the
     *     handshake's {@link javax.net.ssl.SSLHandshakeException} (e.g. "PKIX path building failed: ...")
     *     or {@link TimeoutException} after {@code sslHandshakeTimeout}, once the connection is closed
     *     ({@code protocol} gets {@link Protocol#connectionLost} with the same exception); cancelling it
     *     aborts the connection
     * @throws IllegalArgumentException if {@code options.ssl()} is {@code null}; if {@code transport} carries
     *     TLS already ("transport ... is not supported by startTls() (start_tls): it carries TLS already": the
     *     transport under a TLS one, also while an earlier {@code startTls} is under way) or cannot change its
     *     protocol; if a server is given a
     *     {@code serverHostname}, or a client none and the peer has no IP address
     * @throws IllegalStateException if {@code transport} is closing, or the loop is closed
     */
    public Future<Transport> startTls(Transport transport, Protocol protocol, ConnectionOptions options,
            boolean serverSide) {
        return startTls(transport, protocol, options, serverSide, () -> null);
    }

    /**
     * {@link #startTls(Transport, Protocol, ConnectionOptions, boolean)} that first gives TLS the bytes
     * {@code unread} takes back from {@code protocol} (a stream reader's, read off the connection but
     * not consumed): they came after the last plain exchange, so they are TLS's.
     */
    Future<Transport> startTls(Transport transport, Protocol protocol, ConnectionOptions options, boolean serverSide,
            Supplier<ByteBuffer> unread) {
        return network.startTls(transport, protocol, options, serverSide, unread);
    }

    /**
     * asyncio's {@code create_unix_connection}: connects to the Unix-domain socket at {@code path},
     * makes a protocol with {@code factory}, and completes once its {@link Protocol#connectionMade}
     * ran. {@code getExtraInfo("peername")} is the path, as a {@link java.net.UnixDomainSocketAddress}.
     *
     * @return a future of the transport and protocol, failing with a {@link ConnectionException}
     *     naming {@code path} ({@link ConnectionRefusedException} if nobody listens there)
     * @throws UnsupportedOperationException on a {@link ProactorEventLoop}, whose NIO.2 channels are
     *     TCP only (asyncio's proactor has no Unix sockets either)
     */
    public <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, String path) {
        return createUnixConnection(factory, path, ConnectionOptions.DEFAULTS);
    }

    /**
     * {@link #createUnixConnection(Supplier, String)} with options: with {@code ssl} the connection
     * speaks TLS (see {@link ConnectionOptions}), and since a path names no host, {@code serverHostname}
     * is required then: the name the server's certificate must carry ({@code ""}: none checked).
     *
     * @throws IllegalArgumentException "you have to pass serverHostname (server_hostname) when using ssl" (asyncio's
     *     words), or "serverHostname (server_hostname) is only meaningful with ssl"
     */
    public <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> factory, String path,
            ConnectionOptions options) {
        return network.createUnixConnection(factory, path, options);
    }

    /** {@link #createServer(Supplier, String, int, ServerOptions)} with {@link ServerOptions#DEFAULTS}. */
    public Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port) {
        return createServer(factory, host, port, ServerOptions.DEFAULTS);
    }

    /**
     * asyncio's {@code create_server}: listens on every address of {@code host} ({@code null} or empty:
     * every interface of both IP families, through one dual-stack IPv6 socket where asyncio opens one
     * socket per family, since the JDK cannot make an IPv6 socket IPv6-only) and {@code port} (0: a free port, see {@link Server#port()}); each accepted
     * connection gets a transport and a protocol from {@code factory}. With
     * {@link ServerOptions#withSsl}, each connection is TLS: its protocol's {@code connectionMade} runs
     * once the handshake succeeded; a failed handshake goes to the exception handler ("SSL handshake
     * failed") and closes that connection.
     *
     * @return a future of the server, failing with {@link java.io.UncheckedIOException} ("error while
     *     attempting to bind on address ...") if an address cannot be bound
     */
    public Future<Server> createServer(Supplier<? extends Protocol> factory, String host, int port, ServerOptions options) {
        return network.createServer(factory, host, port, options);
    }

    /** {@link #createUnixServer(Supplier, String, ServerOptions)} with {@link ServerOptions#DEFAULTS}. */
    public Future<Server> createUnixServer(Supplier<? extends Protocol> factory, String path) {
        return createUnixServer(factory, path, ServerOptions.DEFAULTS);
    }

    /**
     * asyncio's {@code create_unix_server}: listens on a Unix-domain socket at {@code path}; each
     * accepted connection gets a transport and a protocol from {@code factory}. A socket file left at
     * {@code path} by an earlier server is replaced (any other file makes the bind fail), and the
     * server removes its file when it closes. Of {@code options}, the backlog, whether to start
     * serving and TLS apply; address and port reuse do not exist for Unix sockets.
     *
     * @return a future of the server, failing with {@link java.io.UncheckedIOException} ("error while
     *     attempting to bind on address ...") if {@code path} cannot be bound
     * @throws UnsupportedOperationException on a {@link ProactorEventLoop} (see
     *     {@link #createUnixConnection})
     */
    public Future<Server> createUnixServer(Supplier<? extends Protocol> factory, String path, ServerOptions options) {
        return network.createUnixServer(factory, path, options);
    }

    /**
     * asyncio's {@code create_datagram_endpoint}: a UDP endpoint bound to {@code localHost:localPort}
     * ({@code localHost} {@code null}: any local address and port) and, if {@code remoteHost} is not
     * {@code null}, connected to {@code remoteHost:remotePort}; its protocol comes from {@code factory}.
     */
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> factory,
            String localHost, int localPort, String remoteHost, int remotePort) {
        return network.createDatagramEndpoint(factory, localHost, localPort, remoteHost, remotePort);
    }

    // ---- debug -----------------------------------------------------------------------------------

    /** Turns debug mode on or off (see the class description). */
    public void setDebug(boolean enabled) {
        debug = enabled;
    }

    /** True in debug mode. */
    public boolean getDebug() {
        return debug;
    }

    /** Sets how long a callback may run, in seconds, before debug mode reports it (default 0.1). */
    public void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slow callback duration must be >= 0, got " + seconds);
        }
        slowCallbackNanos = secondsToNanos(seconds);
    }

    /** {@link #setSlowCallbackDuration(double)} with a {@link Duration}. */
    public void setSlowCallbackDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("slow callback duration must be >= 0, got " + duration);
        }
        slowCallbackNanos = durationToNanos(duration);
    }

    /** How long, in seconds, a callback may run before debug mode reports it. */
    public double getSlowCallbackDuration() {
        return slowCallbackNanos / 1e9;
    }

    // ---- errors ----------------------------------------------------------------------------------

    /**
     * Installs the handler that receives everything the loop reports; {@code null} restores
     * {@link #defaultExceptionHandler}.
     */
    public void setExceptionHandler(ExceptionHandler handler) {
        exceptionHandler = handler;
    }

    /** The handler set with {@link #setExceptionHandler}, or {@code null} for the default one. */
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /**
     * Reports {@code context} (asyncio's keys: "message", "exception", "handle", "future", "task") to
     * the exception handler. If a custom handler throws, the default handler reports that
     * ("Unhandled error in exception handler") together with the original context. Never throws,
     * except for fatal JVM errors.
     */
    public void callExceptionHandler(Map<String, Object> context) {
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            try {
                defaultExceptionHandler(context);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                LOGGER.log(System.Logger.Level.ERROR, "Exception in default exception handler", failure);
            }
            return;
        }
        try {
            handler.handle(this, context);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            try {
                Map<String, Object> fallback = new LinkedHashMap<>();
                fallback.put("message", "Unhandled error in exception handler");
                fallback.put("exception", failure);
                fallback.put("context", context);
                defaultExceptionHandler(fallback);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable secondFailure) {
                LOGGER.log(System.Logger.Level.ERROR, "Exception in default exception handler while "
                        + "handling an unexpected error in custom exception handler", secondFailure);
            }
        }
    }

    /**
     * The default exception handler: logs, at ERROR on the {@link System.Logger} {@code "org.jasyncio"},
     * the message, every other context entry as {@code key: value} (sorted by key), and the exception's
     * stack trace. Custom handlers may call it to keep the default report.
     */
    public void defaultExceptionHandler(Map<String, Object> context) {
        Object message = context.get("message");
        StringBuilder text = new StringBuilder(message == null || message.toString().isEmpty()
                ? "Unhandled exception in event loop" : message.toString());
        for (Map.Entry<String, Object> entry : new TreeMap<>(context).entrySet()) {
            if (!entry.getKey().equals("message") && !entry.getKey().equals("exception")) {
                text.append('\n').append(entry.getKey()).append(": ").append(entry.getValue());
            }
        }
        Object exception = context.get("exception");
        if (exception instanceof Throwable) {
            LOGGER.log(System.Logger.Level.ERROR, text.toString(), (Throwable) exception);
        } else {
            LOGGER.log(System.Logger.Level.ERROR, text.toString());
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " id=" + id + " running=" + isRunning()
                + " closed=" + closed + " debug=" + debug + ">";
    }
}
