// jasyncio fuzz regression: a known divergence (CURRENT_TASK_AFTER_AWAIT) while the context branch was apart; passes since it landed:
// under every schedule that suspends m1 (LATER, ...), currentTask() after its await is m1's own task, not
// the task the program runs as (made by createTask, or by fz.Entry's call); in the reference it is that task.
// plan-seed: 7
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P0 {
@Async static Task<String> m0(Log log, int depth) throws Exception {
log.add("t0 " + Probe.task(log));
return Task.completed(await(m1(log, depth)));
}
@Async static Task<String> m1(Log log, int depth) throws Exception {
log.add("t1 " + Probe.task(log));
int v = (int) await(Outcomes.future(log, 0, 5));
log.add("t2 " + Probe.task(log));
return Task.completed("v" + v);
}
}
}

final class S {
static final class P0 {
static String m0(Log log, int depth) throws Exception {
log.add("t0 " + Probe.TASK);
return m1(log, depth);
}
static String m1(Log log, int depth) throws Exception {
log.add("t1 " + Probe.TASK);
int v = (int) Outcomes.now(log, 0, 5);
log.add("t2 " + Probe.TASK);
return "v" + v;
}
}
}
