package org.jasyncio;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * The JFR event {@code org.jasyncio.TaskGraph}: at the start and the end of every recording chunk
 * (so also when {@code jcmd <pid> JFR.dump} is run), one event per live event loop with the text
 * of its {@link EventLoop#dumpTasks()}, read from JFR's thread without waiting for the loop
 * ({@link TaskGraphSnapshot}), so that it shows where a hung loop's tasks wait.
 */
@Name("org.jasyncio.TaskGraph")
@Label("Task Graph")
@Category("jasyncio")
@Description("The pending tasks of an event loop: the @Async methods and lines each is suspended at, and which task awaits which")
@Period("everyChunk")
@StackTrace(false)
final class TaskGraphEvent extends Event {

    @Label("Loop")
    @Description("The loop's process-unique id")
    long loop;

    @Label("Loop Thread")
    @Description("The thread running the loop, if it runs")
    Thread loopThread;

    @Label("Tasks")
    @Description("How many pending tasks the graph lists")
    int tasks;

    @Label("Settled")
    @Description("Whether the loop ran no callback while the graph was read; if not, the frames of a task it ran may be off")
    boolean settled;

    @Label("Graph")
    String graph;

    /** The periodic hook: an event for each live loop. */
    static void emitForEveryLoop() {
        for (EventLoop live : LiveLoops.list()) {
            TaskGraphSnapshot snapshot = TaskGraphSnapshot.of(live);
            TaskGraphEvent event = new TaskGraphEvent();
            event.loop = live.id();
            event.loopThread = live.runningThread();
            event.tasks = snapshot.tasks();
            event.settled = snapshot.settled();
            event.graph = snapshot.graph();
            event.commit();
        }
    }
}
