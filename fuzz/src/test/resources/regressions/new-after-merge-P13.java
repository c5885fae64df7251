// jasyncio fuzz regression: VERIFY_ERROR with an earlier build of the compiler-pipeline branch: new Box(await(...)) after a
// try/catch/finally in a loop; UninitializedObjects gave the NEW a fresh value each time the analysis passed it, so javac's
// own shape looked touched and went unhoisted. Passes since each NEW has one value; kept as a regression.
// found by: fuzz/run.sh --seed 20240607, program P13
// plan-seed: 20240607
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P13 {
int[] f0 = new int[] {1, 2, 3, 4};
byte f1 = ((byte) 78);

@Async static Task<Character> m0(Log log, int depth) throws Exception {
P13 self = new P13();
return Task.completed('q');
}

@Async static <T> Task<T> m1(Log log, int depth, T a0) throws Exception {
P13 self = new P13();
log.reached(Feature.GENERIC_METHOD);
{
}
return Task.completed(a0);
}

@Async private static Task<Character> m2(Log log, int depth) throws Exception {
P13 self = new P13();
return Task.completed('l');
}

@Async Task<Integer> m3(Log log, int depth, char a0, short a1) throws Exception {
log.reached(Feature.INSTANCE_METHOD);
{
l59: for (int i60 = 0; i60 < 2; i60++) {
try {
log.add("t61 " + ((byte) -112));
}
catch (CancelledException e62) {
String e62m = e62.getClass().getSimpleName() + ":" + e62.getMessage();
log.add("t63 " + e62m);
{
}
}
catch (RuntimeException e64) {
String e64m = e64.getClass().getSimpleName() + ":" + e64.getMessage();
log.add("t69 " + e64m);
{
}
}
finally {
log.add("t70 finally");
}
{
a1 = ((short) new Box(((int) await(Outcomes.stage(log, 92, (-1)))), "t76").v);
}
}
}
return Task.completed(Integer.valueOf(-18));
}

}
}

final class S {
static final class P13 {
int[] f0 = new int[] {1, 2, 3, 4};
byte f1 = ((byte) 78);

static Character m0(Log log, int depth) throws Exception {
P13 self = new P13();
return 'q';
}

static <T> T m1(Log log, int depth, T a0) throws Exception {
P13 self = new P13();
log.reached(Feature.GENERIC_METHOD);
{
}
return a0;
}

private static Character m2(Log log, int depth) throws Exception {
P13 self = new P13();
return 'l';
}

Integer m3(Log log, int depth, char a0, short a1) throws Exception {
log.reached(Feature.INSTANCE_METHOD);
{
l59: for (int i60 = 0; i60 < 2; i60++) {
try {
log.add("t61 " + ((byte) -112));
}
catch (CancelledException e62) {
String e62m = e62.getClass().getSimpleName() + ":" + e62.getMessage();
log.add("t63 " + e62m);
{
}
}
catch (RuntimeException e64) {
String e64m = e64.getClass().getSimpleName() + ":" + e64.getMessage();
log.add("t69 " + e64m);
{
}
}
finally {
log.add("t70 finally");
}
{
a1 = ((short) new Box(((int) Outcomes.now(log, 92, (-1))), "t76").v);
}
}
}
return Integer.valueOf(-18);
}

}
}
