// jasyncio fuzz regression: a known divergence (ASYNC_FRAMES, found by fuzz/run.sh --seed 1005) until each await claimed at most one activation of the made part of the trace: m0(2) suspends, calls m0(1), which suspends and calls m0(0) at its await line,
// which throws at once; m0(1) awaits it there, m0(2) awaits m0(1) at the same line: expected [P17.m0:13, P17.m0:20, P17.m0:20] but was [P17.m0:13, P17.m0:20] under ALL_DONE (lines of the program without this header).
// plan-seed: 1005
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P17 {
@Async static Task<Long> m0(Log log, int depth) throws Exception {
if ((true && log.entries().size() % 3 == 2)) throw new FuzzChecked("t0");
{
int i3 = 0;
l2: while (i3++ < 1) {
log.add("t5 " + ((int) await(Entry.created(log, Outcomes.future(log, 1, (-1))))));
}
}
log.add("t8 " + (depth > 0 ? ((long) await(m0(log, depth - 1))) : Long.MAX_VALUE));
return Task.completed((3674468939009822412L));
}

}
}

final class S {
static final class P17 {
static Long m0(Log log, int depth) throws Exception {
if ((true && log.entries().size() % 3 == 2)) throw new FuzzChecked("t0");
{
int i3 = 0;
l2: while (i3++ < 1) {
log.add("t5 " + ((int) Outcomes.now(log, 1, (-1))));
}
}
log.add("t8 " + (depth > 0 ? ((long) m0(log, depth - 1)) : Long.MAX_VALUE));
return (3674468939009822412L);
}

}
}
