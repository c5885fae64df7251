// jasyncio fuzz known divergence HANDED_OVER, written by hand after the campaign's findings: m0 returns
// m1's task before it ever suspended, so the call hands back m1's very task and m0 has no frame in the
// failure's trace: the reference shows [P1.m1:23, P1.m0:19], the async twin [P1.m1:23].
// plan-seed: 7
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P1 {
@Async static Task<Integer> m0(Log log, int depth) throws Exception {
log.add("adopting");
log.reached(Feature.RETURNED_A_CALL);
return m1(log, depth);
}
@Async static Task<Integer> m1(Log log, int depth) throws Exception {
await(org.jasyncio.AsyncIO.sleep(0));
throw new FuzzUnchecked("failed after a suspension");
}
}
}

final class S {
static final class P1 {
static Integer m0(Log log, int depth) throws Exception {
log.add("adopting");
log.reached(Feature.RETURNED_A_CALL);
return m1(log, depth);
}
static Integer m1(Log log, int depth) throws Exception {
int suspension = 0;
throw new FuzzUnchecked("failed after a suspension");
}
}
}
