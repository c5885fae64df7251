// jasyncio fuzz regression: VERIFY_ERROR with an older compiler build (the jar then installed in ~/.m2):
// restore code inside a user try range, so the handler's frame lost a local live across the await.
// Passes with the restore code moved out of user try ranges (8254296); kept as a regression.
// found by: fuzz/run.sh --seed 1, program P12
// plan-seed: 1
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P12 {
@Async static Task<Long> m0(Log log, int depth) throws Exception {
return Task.completed((-6825315798286949831L));
}

@Async static Task<Long> m1(Log log, int depth, int a0, float a1, int a2) throws Exception {
float v63 = 0.0f;
try {
log.add("t71 " + (depth > 0 ? ((long) await(m1(log, depth - 1, 2, (-0.75f), (-1450016060)))) : (-3L)));
}
catch (FuzzUnchecked e73) {
String e73m = e73.getClass().getSimpleName() + ":" + e73.getMessage();
log.add("t75 " + e73m);
{
v63 += 0.0f;
}
}
catch (RuntimeException e76) {
String e76m = e76.getClass().getSimpleName() + ":" + e76.getMessage();
log.add("t82 " + e76m);
{
}
}
return Task.completed(1L);
}

}
}

final class S {
static final class P12 {
static Long m0(Log log, int depth) throws Exception {
return (-6825315798286949831L);
}

static Long m1(Log log, int depth, int a0, float a1, int a2) throws Exception {
float v63 = 0.0f;
try {
log.add("t71 " + (depth > 0 ? ((long) m1(log, depth - 1, 2, (-0.75f), (-1450016060))) : (-3L)));
}
catch (FuzzUnchecked e73) {
String e73m = e73.getClass().getSimpleName() + ":" + e73.getMessage();
log.add("t75 " + e73m);
{
v63 += 0.0f;
}
}
catch (RuntimeException e76) {
String e76m = e76.getClass().getSimpleName() + ":" + e76.getMessage();
log.add("t82 " + e76m);
{
}
}
return 1L;
}

}
}
