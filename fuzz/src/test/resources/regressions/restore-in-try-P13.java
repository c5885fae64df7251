// jasyncio fuzz regression: VERIFY_ERROR with an older compiler build (the jar then installed in ~/.m2):
// restore code inside a user try range, so the handler's frame lost a local live across the await.
// Passes with the restore code moved out of user try ranges (8254296); kept as a regression.
// found by: fuzz/run.sh --seed 1, program P13
// plan-seed: 1
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P13 {
@Async static Task<int[]> m0(Log log, int depth) throws Exception {
return Task.completed(new int[] {1, 2, 3, 4});
}

@Async static Task<Character> m1(Log log, int depth, int a0) throws Exception {
byte v78 = ((byte) -53);
{
{
try {
{
char v80 = ((char) await(Outcomes.stage(log, 120, (char) ('a'))));
}
}
catch (IllegalStateException e83) {
String e83m = e83.getClass().getSimpleName() + ":" + e83.getMessage();
log.add("t85 " + e83m);
{
}
}
catch (RuntimeException e86) {
String e86m = e86.getClass().getSimpleName() + ":" + e86.getMessage();
log.add("t89 " + e86m);
{
}
}
}
}
v78--;
return Task.completed('a');
}

}
}

final class S {
static final class P13 {
static int[] m0(Log log, int depth) throws Exception {
return new int[] {1, 2, 3, 4};
}

static Character m1(Log log, int depth, int a0) throws Exception {
byte v78 = ((byte) -53);
{
{
try {
{
char v80 = ((char) Outcomes.now(log, 120, (char) ('a')));
}
}
catch (IllegalStateException e83) {
String e83m = e83.getClass().getSimpleName() + ":" + e83.getMessage();
log.add("t85 " + e83m);
{
}
}
catch (RuntimeException e86) {
String e86m = e86.getClass().getSimpleName() + ":" + e86.getMessage();
log.add("t89 " + e86m);
{
}
}
}
}
v78--;
return 'a';
}

}
}
