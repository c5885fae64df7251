// jasyncio fuzz regression: a known divergence (ASYNC_FRAMES), written by hand after the campaign's findings,
// until an await that finds its future already failed stopped adding the awaiting frame to a failure made on
// the awaiting stack itself: m1 fails a loop future on its own stack and awaits it at once; the reference shows
// [P0.m1:22, P0.m0:18] and the async twin showed m1 a second time, at its await.
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
}
