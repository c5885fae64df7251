// jasyncio fuzz regression: a known divergence (ASYNC_FRAMES) until an await that finds its future already failed
// stopped adding the awaiting frame to a failure made on the awaiting stack (Outcomes.future delivering DONE):
// expected [P5$D.m1:31, P5.m0:13] but was [P5$D.m1:31, P5.m0:13, P5$D.m1:31].
// found by: fuzz/run.sh --seed 200, program P5
// plan-seed: 200
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P5 {
@Async static Task<int[]> m0(Log log, int depth) throws Exception {
log.add("t36 " + (await(new O().m1(log, depth, 7))));
{
}
return Task.completed(new int[] {1, 2, 3, 4});
}

@Async static <T> Task<T> m3(Log log, int depth, T a0, Integer a1, boolean a2) throws Exception {
log.reached(Feature.GENERIC_METHOD);
{
}
return Task.completed(a0);
}

interface D {
@Async default Task<Integer> m1(Log log, int depth, int a0) throws Exception {
log.reached(Feature.INTERFACE_DEFAULT_METHOD);
{
}
return Task.completed((await(Outcomes.future(log, 37, Integer.valueOf(-95)))));
}

}

static final class O implements D {
}
static final class H<T extends Comparable<T>> {
T held;

H(T held) {
this.held = held;
}

@Async Task<T> m2(Log log, int depth, T a0, T a1, String a2) throws Exception {
log.reached(Feature.GENERIC_CLASS);
{
}
return Task.completed(this.held);
}
}
}
}

final class S {
static final class P5 {
static int[] m0(Log log, int depth) throws Exception {
log.add("t36 " + (new O().m1(log, depth, 7)));
{
}
return new int[] {1, 2, 3, 4};
}

static <T> T m3(Log log, int depth, T a0, Integer a1, boolean a2) throws Exception {
log.reached(Feature.GENERIC_METHOD);
{
}
return a0;
}

interface D {
default Integer m1(Log log, int depth, int a0) throws Exception {
log.reached(Feature.INTERFACE_DEFAULT_METHOD);
{
}
return (Outcomes.now(log, 37, Integer.valueOf(-95)));
}

}

static final class O implements D {
}
static final class H<T extends Comparable<T>> {
T held;

H(T held) {
this.held = held;
}

T m2(Log log, int depth, T a0, T a1, String a2) throws Exception {
log.reached(Feature.GENERIC_CLASS);
{
}
return this.held;
}
}
}
}
