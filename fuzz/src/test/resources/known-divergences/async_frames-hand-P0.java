// jasyncio fuzz known divergence ASYNC_FRAMES, written by hand after the campaign's findings. The reference's
// failures show [P0.m1:23, P0.m0:19] and [P1.m1:34, P1.m0:30]; the async twin's show
// P0: [P0.m1:23, P0.m0:19, P0.m1:24]: m1 fails a loop future on its own stack and awaits it at once; the
//     exception's trace already has m1 and its callers, and the fast path of await appends m1 once more;
// P1: [P1.m1:34]: m0 returns m1's task (adoption), no await, so m0's frame is never written.
// plan-seed: 7
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P0 {
@Async static Task<Integer> m0(Log log, int depth) throws Exception {
return Task.completed(await(m1(log, depth)));
}
@Async static Task<Integer> m1(Log log, int depth) throws Exception {
org.jasyncio.Future<Integer> failed = org.jasyncio.AsyncIO.getRunningLoop().createFuture();
failed.setException(new FuzzUnchecked("failed on the awaiting stack"));
return Task.completed(await(failed));
}
}
static final class P1 {
@Async static Task<Integer> m0(Log log, int depth) throws Exception {
log.add("adopting");
return m1(log, depth);
}
@Async static Task<Integer> m1(Log log, int depth) throws Exception {
await(org.jasyncio.AsyncIO.sleep(0));
throw new FuzzUnchecked("failed after a suspension");
}
}
}

final class S {
static final class P0 {
static Integer m0(Log log, int depth) throws Exception {
return m1(log, depth);
}
static Integer m1(Log log, int depth) throws Exception {
Object failed = null;
if (failed == null) throw new FuzzUnchecked("failed on the awaiting stack");
return 0;
}
}
static final class P1 {
static Integer m0(Log log, int depth) throws Exception {
log.add("adopting");
return m1(log, depth);
}
static Integer m1(Log log, int depth) throws Exception {
int suspension = 0;
throw new FuzzUnchecked("failed after a suspension");
}
}
}
