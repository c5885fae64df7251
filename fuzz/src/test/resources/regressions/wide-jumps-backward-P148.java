// jasyncio fuzz regression: CRASH (compiler refused: [A.java:21: fz.A$P148.m1: cannot rewrite: java.lang.ArrayIndexOutOfBoundsException])
// thrown inside ClassWriter.replaceAsmInstructions: m1$async is over 32 KiB, ASM 9.11.1 widened a backward
// goto into an ASM-only opcode its reader takes for a forward jump. Passes since jumps of such methods are
// written wide by the compiler itself (WideJumps); kept as a regression.
// found by: fuzz/run.sh --seed 20240607, program P148
// plan-seed: 20240607
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P148 {
int[] f0 = new int[] {1, 2, 3, 4};
float f1 = 3.0e38f;

@Async static Task<Double> m0(Log log, int depth) throws Exception {
P148 self = new P148();
return Task.completed(1.5);
}

@Async Task<String> m1(Log log, int depth, boolean a0, char a1, int a2) throws Exception {
log.reached(Feature.INSTANCE_METHOD);
log.add("t3 " + ((short) ((int) await(Outcomes.future(log, 3, ((int) (-3L)))))));
{
int i5 = 0;
l4: while (i5++ < 3) {
try {
int v6 = ((int) await(((java.util.concurrent.Callable<Task<Integer>>) () -> {
log.reached(Feature.AWAITING_LAMBDA);
return Task.completed(1);
}).call()));
}
catch (ArithmeticException e7) {
String e7m = e7.getClass().getSimpleName() + ":" + e7.getMessage();
log.add("t20 " + e7m + Probe.suppressed(e7));
{
int[] v8 = (await(Outcomes.minimal(log, 8, new int[] {((-1) + (((int) await(Outcomes.future(log, 6, (-464506958)))) >>> 100)), (i5 + 1), (0 ^ new Box(9, "b").v), ("" + 'u' + ((boolean) await(Outcomes.stage(log, 7, false)))).length()})));
log.add("t10 " + ((byte) ((int) await(Outcomes.future(log, 9, 100)))));
switch ((new Box(4, "b").v - ((int) await(((java.util.concurrent.Callable<Task<Integer>>) () -> {
log.reached(Feature.AWAITING_LAMBDA);
return Task.completed((-1));
}).call()))) & 3) {
case 0: {
if ((((boolean) await(Entry.created(log, Outcomes.future(log, 13, ((a0 || a0) || false))))) || ((boolean) await(new H<Boolean>(true).m2(log, depth, ((boolean) await(Outcomes.stage(log, 14, true)))))))) {
if ((((((boolean) await(Outcomes.future(log, 11, true))) && false) || (await(Outcomes.future(log, 12, e7m))).equals("t13")) && log.entries().size() % 3 == 0)) return Task.completed(("" + e7m + this.f1));
a2++;
}
if (((!a0 && true) && ((boolean) await(Outcomes.handWritten(log, 18, false))))) {
f0 = (await(Outcomes.minimal(log, 17, new int[] {1, 2, ((int) await(new H<Integer>(((int) await(Outcomes.stage(log, 15, new Box(5, "b").v)))).m2(log, depth, ((int) await(Outcomes.stage(log, 16, ((int) 'y'))))))), ("" + i5 + ((byte) 83)).length()})));
long v17 = ((long) ((int) await(new H<Integer>((-1)).m2(log, depth, 0))));
}
if ((((boolean) await(Entry.relay(log, Outcomes.future(log, 22, (((double) await(Outcomes.future(log, 19, (14.25)))) > (((double) await(Outcomes.minimal(log, 20, (-2.25)))) + ((double) await(Outcomes.handWritten(log, 21, 0.0))))))))) && log.entries().size() % 3 == 2)) throw new FuzzUnchecked("t18 " + Integer.valueOf(((int) (-0.75f))));
}
break;
default: {
log.add("t19 " + !((boolean) await(Outcomes.future(log, 23, ((a0 && true) && !a0)))));
}
break;
}
}
}
catch (RuntimeException e21) {
String e21m = e21.getClass().getSimpleName() + ":" + e21.getMessage();
log.add("t29 " + e21m + Probe.suppressed(e21));
{
{
int i23 = 0;
l22: while (i23++ < 2) {
if (a0) {
short v24 = ((short) await(new H<Short>(((short) await(Outcomes.minimal(log, 24, (short) (((short) 29160)))))).m2(log, depth, ((short) await(Outcomes.future(log, 25, (short) (((short) 7))))))));
}
else {
if (((boolean) await(Outcomes.handWritten(log, 26, ((1L >>> 1L) <= Long.MAX_VALUE))))) continue l22;
if (((a0 && (((boolean) await(Entry.created(log, Outcomes.future(log, 27, false)))) && a0)) && log.entries().size() % 3 == 1)) throw new FuzzChecked("t25");
float v26 = (((float) a2) / 3.0e38f);
}
log.add("t27 " + ((((float) Integer.MIN_VALUE) * (((float) await(Outcomes.future(log, 28, (float) (0.0f)))) - 3.0e38f)) / ((float) await(new H<Float>(0.0f).m2(log, depth, (this.f1 / 3.0e38f))))));
a2 += ((true && a0) ? ((int) await(Outcomes.future(log, 30, (((int) await(Outcomes.stage(log, 29, a2))) + (48724903))))) : Integer.MAX_VALUE);
log.add("t28 " + Probe.task(log));
}
}
}
}
finally {
log.add("t30 finally");
log.add("t31 " + ((float) ((int) await(((java.util.concurrent.Callable<Task<Integer>>) () -> {
log.reached(Feature.AWAITING_LAMBDA);
return Task.completed(((1724583644) + 1));
}).call()))));
f0[Integer.MAX_VALUE & 3] = (-1);
if ((((char) await(Entry.relay(log, Outcomes.future(log, 46, (char) (((char) ((int) this.f1))))))) >= 's')) {
if (String.valueOf(((byte) await(Outcomes.minimal(log, 40, (byte) (((byte) -16)))))).equals((await(Outcomes.stage(log, 42, ("" + new Box(7, "t37") + ((int) await(Outcomes.future(log, 41, 1))))))))) {
if ("t33".equals(("" + (new int[] {1, 2, 3, 4})[Integer.MAX_VALUE & 3] + (119.75)))) {
a1 = ((char) new Box(((int) await(Outcomes.future(log, 32, Integer.MIN_VALUE))), "t32").v);
a0 = ((((boolean) await(Outcomes.stage(log, 34, !((boolean) await(Outcomes.stage(log, 33, a0)))))) && ((boolean) await(Entry.relay(log, Outcomes.future(log, 36, (((long) await(Outcomes.future(log, 35, 1L))) > (-3L))))))) && ((boolean) await(Outcomes.future(log, 39, ((((long) await(Outcomes.future(log, 37, (-3L)))) - (-3L)) <= ((long) await(Outcomes.stage(log, 38, 0L))))))));
}
}
log.add("t38 " + ((byte) ((int) await(Entry.relay(log, Outcomes.future(log, 44, ((7 + ((int) await(Entry.created(log, Outcomes.future(log, 43, Integer.MIN_VALUE))))) ^ 0)))))));
float v39 = ((float) (a0 ? Integer.valueOf(-109) : Integer.valueOf(136)).intValue());
}
if ((((double) Integer.valueOf(-38).intValue()) != 0.0)) {
if ((((boolean) await(new H<Boolean>((((int) await(Outcomes.future(log, 60, 100))) > 100)).m2(log, depth, true))) && a0)) {
if ((((boolean) await(Outcomes.minimal(log, 56, ((((long) await(Outcomes.future(log, 54, (-3L)))) <= Long.MAX_VALUE) && (((char) await(Entry.created(log, Outcomes.future(log, 55, (char) (a1))))) < 'w'))))) || ((boolean) await(Outcomes.stage(log, 59, "t45".equals((await(Outcomes.handWritten(log, 58, ("" + (await(Outcomes.stage(log, 57, "t47"))) + (-0.75f))))))))))) {
a1 = ((char) await(Outcomes.stage(log, 49, (char) (((char) (((int) await(Outcomes.stage(log, 47, "t40".length()))) / (((int) await(Entry.created(log, Outcomes.future(log, 48, a2)))) + i5)))))));
if (((await(Outcomes.stage(log, 51, java.util.Arrays.toString((await(Entry.relay(log, Outcomes.future(log, 50, new int[] {1, 2, 3, 4})))))))).equals("t42") && (((boolean) await(Outcomes.stage(log, 52, "t43".equals("t44")))) || ((boolean) await(Outcomes.future(log, 53, !a0)))))) {
}
else {
}
}
else {
}
}
}
}
}
}
return Task.completed(("" + new Box(9, "b") + new Box((-1887426036), "t50")));
}

static final class H<T> {
T held;

H(T held) {
this.held = held;
}

@Async Task<T> m2(Log log, int depth, T a0) throws Exception {
log.reached(Feature.GENERIC_CLASS);
{
}
log.reached(Feature.RETURNED_A_CALL);
return Task.completed(this.held);
}
}
}
}

final class S {
static final class P148 {
int[] f0 = new int[] {1, 2, 3, 4};
float f1 = 3.0e38f;

static Double m0(Log log, int depth) throws Exception {
P148 self = new P148();
return 1.5;
}

String m1(Log log, int depth, boolean a0, char a1, int a2) throws Exception {
log.reached(Feature.INSTANCE_METHOD);
log.add("t3 " + ((short) ((int) Outcomes.now(log, 3, ((int) (-3L))))));
{
int i5 = 0;
l4: while (i5++ < 3) {
try {
int v6 = ((int) ((java.util.concurrent.Callable<Integer>) () -> {
log.reached(Feature.AWAITING_LAMBDA);
return 1;
}).call());
}
catch (ArithmeticException e7) {
String e7m = e7.getClass().getSimpleName() + ":" + e7.getMessage();
log.add("t20 " + e7m + Probe.suppressed(e7));
{
int[] v8 = (Outcomes.now(log, 8, new int[] {((-1) + (((int) Outcomes.now(log, 6, (-464506958))) >>> 100)), (i5 + 1), (0 ^ new Box(9, "b").v), ("" + 'u' + ((boolean) Outcomes.now(log, 7, false))).length()}));
log.add("t10 " + ((byte) ((int) Outcomes.now(log, 9, 100))));
switch ((new Box(4, "b").v - ((int) ((java.util.concurrent.Callable<Integer>) () -> {
log.reached(Feature.AWAITING_LAMBDA);
return (-1);
}).call())) & 3) {
case 0: {
if ((((boolean) Outcomes.now(log, 13, ((a0 || a0) || false))) || ((boolean) new H<Boolean>(true).m2(log, depth, ((boolean) Outcomes.now(log, 14, true)))))) {
if ((((((boolean) Outcomes.now(log, 11, true)) && false) || (Outcomes.now(log, 12, e7m)).equals("t13")) && log.entries().size() % 3 == 0)) return ("" + e7m + this.f1);
a2++;
}
if (((!a0 && true) && ((boolean) Outcomes.now(log, 18, false)))) {
f0 = (Outcomes.now(log, 17, new int[] {1, 2, ((int) new H<Integer>(((int) Outcomes.now(log, 15, new Box(5, "b").v))).m2(log, depth, ((int) Outcomes.now(log, 16, ((int) 'y'))))), ("" + i5 + ((byte) 83)).length()}));
long v17 = ((long) ((int) new H<Integer>((-1)).m2(log, depth, 0)));
}
if ((((boolean) Outcomes.now(log, 22, (((double) Outcomes.now(log, 19, (14.25))) > (((double) Outcomes.now(log, 20, (-2.25))) + ((double) Outcomes.now(log, 21, 0.0)))))) && log.entries().size() % 3 == 2)) throw new FuzzUnchecked("t18 " + Integer.valueOf(((int) (-0.75f))));
}
break;
default: {
log.add("t19 " + !((boolean) Outcomes.now(log, 23, ((a0 && true) && !a0))));
}
break;
}
}
}
catch (RuntimeException e21) {
String e21m = e21.getClass().getSimpleName() + ":" + e21.getMessage();
log.add("t29 " + e21m + Probe.suppressed(e21));
{
{
int i23 = 0;
l22: while (i23++ < 2) {
if (a0) {
short v24 = ((short) new H<Short>(((short) Outcomes.now(log, 24, (short) (((short) 29160))))).m2(log, depth, ((short) Outcomes.now(log, 25, (short) (((short) 7))))));
}
else {
if (((boolean) Outcomes.now(log, 26, ((1L >>> 1L) <= Long.MAX_VALUE)))) continue l22;
if (((a0 && (((boolean) Outcomes.now(log, 27, false)) && a0)) && log.entries().size() % 3 == 1)) throw new FuzzChecked("t25");
float v26 = (((float) a2) / 3.0e38f);
}
log.add("t27 " + ((((float) Integer.MIN_VALUE) * (((float) Outcomes.now(log, 28, (float) (0.0f))) - 3.0e38f)) / ((float) new H<Float>(0.0f).m2(log, depth, (this.f1 / 3.0e38f)))));
a2 += ((true && a0) ? ((int) Outcomes.now(log, 30, (((int) Outcomes.now(log, 29, a2)) + (48724903)))) : Integer.MAX_VALUE);
log.add("t28 " + Probe.TASK);
}
}
}
}
finally {
log.add("t30 finally");
log.add("t31 " + ((float) ((int) ((java.util.concurrent.Callable<Integer>) () -> {
log.reached(Feature.AWAITING_LAMBDA);
return ((1724583644) + 1);
}).call())));
f0[Integer.MAX_VALUE & 3] = (-1);
if ((((char) Outcomes.now(log, 46, (char) (((char) ((int) this.f1))))) >= 's')) {
if (String.valueOf(((byte) Outcomes.now(log, 40, (byte) (((byte) -16))))).equals((Outcomes.now(log, 42, ("" + new Box(7, "t37") + ((int) Outcomes.now(log, 41, 1))))))) {
if ("t33".equals(("" + (new int[] {1, 2, 3, 4})[Integer.MAX_VALUE & 3] + (119.75)))) {
a1 = ((char) new Box(((int) Outcomes.now(log, 32, Integer.MIN_VALUE)), "t32").v);
a0 = ((((boolean) Outcomes.now(log, 34, !((boolean) Outcomes.now(log, 33, a0)))) && ((boolean) Outcomes.now(log, 36, (((long) Outcomes.now(log, 35, 1L)) > (-3L))))) && ((boolean) Outcomes.now(log, 39, ((((long) Outcomes.now(log, 37, (-3L))) - (-3L)) <= ((long) Outcomes.now(log, 38, 0L))))));
}
}
log.add("t38 " + ((byte) ((int) Outcomes.now(log, 44, ((7 + ((int) Outcomes.now(log, 43, Integer.MIN_VALUE))) ^ 0)))));
float v39 = ((float) (a0 ? Integer.valueOf(-109) : Integer.valueOf(136)).intValue());
}
if ((((double) Integer.valueOf(-38).intValue()) != 0.0)) {
if ((((boolean) new H<Boolean>((((int) Outcomes.now(log, 60, 100)) > 100)).m2(log, depth, true)) && a0)) {
if ((((boolean) Outcomes.now(log, 56, ((((long) Outcomes.now(log, 54, (-3L))) <= Long.MAX_VALUE) && (((char) Outcomes.now(log, 55, (char) (a1))) < 'w')))) || ((boolean) Outcomes.now(log, 59, "t45".equals((Outcomes.now(log, 58, ("" + (Outcomes.now(log, 57, "t47")) + (-0.75f))))))))) {
a1 = ((char) Outcomes.now(log, 49, (char) (((char) (((int) Outcomes.now(log, 47, "t40".length())) / (((int) Outcomes.now(log, 48, a2)) + i5))))));
if (((Outcomes.now(log, 51, java.util.Arrays.toString((Outcomes.now(log, 50, new int[] {1, 2, 3, 4}))))).equals("t42") && (((boolean) Outcomes.now(log, 52, "t43".equals("t44"))) || ((boolean) Outcomes.now(log, 53, !a0))))) {
}
else {
}
}
else {
}
}
}
}
}
}
return ("" + new Box(9, "b") + new Box((-1887426036), "t50"));
}

static final class H<T> {
T held;

H(T held) {
this.held = held;
}

T m2(Log log, int depth, T a0) throws Exception {
log.reached(Feature.GENERIC_CLASS);
{
}
log.reached(Feature.RETURNED_A_CALL);
return this.held;
}
}
}
}
