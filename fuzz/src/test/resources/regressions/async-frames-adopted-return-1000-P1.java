// jasyncio fuzz regression: a known divergence (ASYNC_FRAMES, found by fuzz/run.sh --seed 1000) until a return of another call's task recorded the returning method's frame at the return's line: m0 suspends, then returns
// m0(depth - 1), whose failure its task adopts: expected [P1.m0:32, P1.m0:37, P1.m0:37] but was [P1.m0:32] under FAILING (lines of the program without this header).
// plan-seed: 1000
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P1 {
float f0 = 0.0f;
int[] f1 = new int[] {1, 2, 3, 4};
double f2 = 0.0;

@Async static Task<Integer> m0(Log log, int depth) throws Exception {
P1 self = new P1();
try {
long v6 = ((long) await(Outcomes.future(log, 3, Long.MIN_VALUE)));
}
catch (IllegalStateException e9) {
String e9m = e9.getClass().getSimpleName() + ":" + e9.getMessage();
log.add("t10 " + e9m + Probe.suppressed(e9));
{
}
}
catch (RuntimeException e11) {
String e11m = e11.getClass().getSimpleName() + ":" + e11.getMessage();
log.add("t18 " + e11m + Probe.suppressed(e11));
{
{
log.add("t12 " + (((boolean) await(Outcomes.future(log, 8, true))) ? Integer.valueOf(127) : Integer.valueOf(-147)));
}
}
}
log.reached(Feature.RETURNED_A_CALL);
return (depth > 0 ? m0(log, depth - 1) : Task.completed(Integer.valueOf(-109)));
}

@Async Task<int[]> m1(Log log, int depth) throws Exception {
log.reached(Feature.INSTANCE_METHOD);
{
}
return Task.completed(new int[] {1, 2, 3, 4});
}

}
}

final class S {
static final class P1 {
float f0 = 0.0f;
int[] f1 = new int[] {1, 2, 3, 4};
double f2 = 0.0;

static Integer m0(Log log, int depth) throws Exception {
P1 self = new P1();
try {
long v6 = ((long) Outcomes.now(log, 3, Long.MIN_VALUE));
}
catch (IllegalStateException e9) {
String e9m = e9.getClass().getSimpleName() + ":" + e9.getMessage();
log.add("t10 " + e9m + Probe.suppressed(e9));
{
}
}
catch (RuntimeException e11) {
String e11m = e11.getClass().getSimpleName() + ":" + e11.getMessage();
log.add("t18 " + e11m + Probe.suppressed(e11));
{
{
log.add("t12 " + (((boolean) Outcomes.now(log, 8, true)) ? Integer.valueOf(127) : Integer.valueOf(-147)));
}
}
}
log.reached(Feature.RETURNED_A_CALL);
return (depth > 0 ? m0(log, depth - 1) : Integer.valueOf(-109));
}

int[] m1(Log log, int depth) throws Exception {
log.reached(Feature.INSTANCE_METHOD);
{
}
return new int[] {1, 2, 3, 4};
}

}
}
