// jasyncio fuzz regression: CRASH (compiler refused: [A.java:25: fz.A$P3355.m1: cannot rewrite: java.lang.ArrayIndexOutOfBoundsException])
// the same ASM replaceAsmInstructions failure as wide-jumps-backward-P148, found on main; kept as a regression.
// found by: fuzz/run.sh --seed 1003, program P3355
// plan-seed: 1003
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P3355 {
Integer f0 = Integer.valueOf(148);
boolean f1 = true;

@Async static Task<Box> m0(Log log, int depth) throws Exception {
P3355 self = new P3355();
Box v0 = new Box(0, "b");
log.add("t13 " + (await(self.m1(log, depth, self.f0))));
{
}
return Task.completed(new Box(6, "b"));
}

@Async <T> Task<T> m1(Log log, int depth, T a0) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.GENERIC_METHOD);
{
int i16 = 0;
l15: while (i16++ < 1) {
if ((depth > 0 ? ((boolean) await(this.<Boolean>m1(log, depth - 1, ((boolean) await(Outcomes.future(log, 22, !((boolean) await(Outcomes.stage(log, 21, true))))))))) : false)) continue l15;
a0 = ((((char) await(Outcomes.future(log, 24, (char) ('c')))) == 'm') ? (await(Entry.created(log, Outcomes.future(log, 23, a0)))) : a0);
try {
switch ((depth > 0 ? (await(this.m1(log, depth - 1, (await(Outcomes.minimal(log, 26, new Box(0, "b"))))))) : new Box(3, "b")).v & 3) {
case 0: {
T v17 = (((boolean) await(Outcomes.stage(log, 33, true))) ? (((boolean) await(Outcomes.stage(log, 27, true))) ? a0 : a0) : ((((long) await(Entry.relay(log, Outcomes.future(log, 31, Long.MIN_VALUE)))) < ((long) await(Outcomes.stage(log, 32, Long.MIN_VALUE)))) ? (((boolean) await(Entry.relay(log, Outcomes.future(log, 29, true)))) ? a0 : a0) : (await(Outcomes.future(log, 30, a0)))));
}
case 1: {
if (((boolean) await(Entry.relay(log, Outcomes.future(log, 35, !((boolean) await(Entry.relay(log, Outcomes.future(log, 34, true))))))))) break l15;
if (((boolean) await(Outcomes.future(log, 36, true)))) {
if ("t18".equals("t19")) break l15;
T v20 = a0;
log.add("t21 " + 'k');
}
log.add("t22 " + ((char) await(Outcomes.future(log, 37, (char) ('h')))));
}
break;
case 2: {
}
break;
}
}
catch (RuntimeException e24) {
String e24m = e24.getClass().getSimpleName() + ":" + e24.getMessage();
log.add("t27 " + e24m + Probe.suppressed(e24));
{
log.add("t25 " + new Box(((i16 + (-1)) * 7), ("" + (await(Outcomes.stage(log, 40, Integer.valueOf(((int) await(Outcomes.handWritten(log, 39, Integer.MIN_VALUE))))))) + ((short) 30324))));
this.f1 = ((boolean) await(Entry.relay(log, Outcomes.future(log, 43, false))));
}
if (((boolean) await(Outcomes.stage(log, 44, ((f1 ? Integer.MAX_VALUE : 1) < "t29".length()))))) { Probe.suppress(e24, new FuzzChecked("t28")); throw e24; }
}
finally {
log.add("t30 finally");
try {
this.f1 = true;
if ((true && log.entries().size() % 3 == 1)) return Task.completed((f1 ? (await(Outcomes.stage(log, 45, a0))) : a0));
double v31 = ((-2.25) * (1.5 / ((double) i16)));
}
catch (ArithmeticException e32) {
String e32m = e32.getClass().getSimpleName() + ":" + e32.getMessage();
log.add("t34 " + e32m + Probe.suppressed(e32));
{
int v33 = new Box(1, "b").v;
}
}
finally {
log.add("t35 finally");
float v36 = (((float) await(Outcomes.future(log, 47, (float) ((-0.75f))))) - (((float) ((int) await(Outcomes.handWritten(log, 48, 100)))) / ((float) await(Outcomes.stage(log, 50, (float) ((0.0f * ((float) await(Entry.created(log, Outcomes.future(log, 49, (float) (3.0e38f))))))))))));
if (((depth > 0 ? ((boolean) await(this.m1(log, depth - 1, ('s' > ((char) await(Outcomes.future(log, 51, (char) ('x')))))))) : true) && log.entries().size() % 3 == 2)) return Task.completed(a0);
T v37 = (await(Outcomes.stage(log, 53, (this.f1 ? a0 : (((boolean) await(Outcomes.stage(log, 52, false))) ? a0 : a0)))));
log.add("t38 " + ((byte) (depth > 0 ? ((int) await(this.<Integer>m1(log, depth - 1, i16))) : 100)));
}
}
if (java.util.Objects.equals((!((boolean) await(Entry.relay(log, Outcomes.future(log, 55, this.f1)))) ? (((boolean) await(Outcomes.handWritten(log, 54, false))) ? a0 : a0) : (f1 ? a0 : a0)), (((boolean) await(Outcomes.minimal(log, 56, (true && f1)))) ? (this.f1 ? a0 : a0) : a0))) {
log.add("t39 " + (depth > 0 ? (await(this.m1(log, depth - 1, new Box(8, "b")))) : new Box(1, "b")));
}
}
}
try {
log.add("t41 " + ((char) (await(Outcomes.future(log, 57, "t42"))).length()));
switch ((new int[] {Integer.valueOf(-50).intValue(), ((int) await(Outcomes.stage(log, 59, Integer.valueOf(-63).intValue()))), Integer.valueOf(-59).intValue(), ((int) await(Entry.created(log, Outcomes.future(log, 60, new Box(5, "b").v))))})[(new int[] {1, 7, ((int) await(Outcomes.stage(log, 61, (-1)))), 0})[(await(Outcomes.future(log, 62, "t43"))).length() & 3] & 3] & 3) {
case 0: {
switch (7 & 3) {
default: {
log.add("t45 " + (await(Outcomes.stage(log, 65, new Box(1, "b")))));
f1 = ((boolean) await(Outcomes.handWritten(log, 67, (((long) (100 >> ((int) await(Entry.relay(log, Outcomes.future(log, 66, (-1))))))) > ((729223837009893694L) - 1L)))));
}
}
}
break;
case 1: {
}
break;
case 2: {
}
break;
}
}
catch (RuntimeException e46) {
String e46m = e46.getClass().getSimpleName() + ":" + e46.getMessage();
log.add("t47 " + e46m + Probe.suppressed(e46));
{
}
}
catch (Exception e48) {
String e48m = e48.getClass().getSimpleName() + ":" + e48.getMessage();
log.add("t49 " + e48m + Probe.suppressed(e48));
{
}
}
log.reached(Feature.RETURNED_A_CALL);
return (depth > 0 ? this.<T>m1(log, depth - 1, (await(Outcomes.handWritten(log, 68, a0)))) : Task.completed(a0));
}

}
}

final class S {
static final class P3355 {
Integer f0 = Integer.valueOf(148);
boolean f1 = true;

static Box m0(Log log, int depth) throws Exception {
P3355 self = new P3355();
Box v0 = new Box(0, "b");
log.add("t13 " + (self.m1(log, depth, self.f0)));
{
}
return new Box(6, "b");
}

<T> T m1(Log log, int depth, T a0) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.GENERIC_METHOD);
{
int i16 = 0;
l15: while (i16++ < 1) {
if ((depth > 0 ? ((boolean) this.<Boolean>m1(log, depth - 1, ((boolean) Outcomes.now(log, 22, !((boolean) Outcomes.now(log, 21, true)))))) : false)) continue l15;
a0 = ((((char) Outcomes.now(log, 24, (char) ('c'))) == 'm') ? (Outcomes.now(log, 23, a0)) : a0);
try {
switch ((depth > 0 ? (this.m1(log, depth - 1, (Outcomes.now(log, 26, new Box(0, "b"))))) : new Box(3, "b")).v & 3) {
case 0: {
T v17 = (((boolean) Outcomes.now(log, 33, true)) ? (((boolean) Outcomes.now(log, 27, true)) ? a0 : a0) : ((((long) Outcomes.now(log, 31, Long.MIN_VALUE)) < ((long) Outcomes.now(log, 32, Long.MIN_VALUE))) ? (((boolean) Outcomes.now(log, 29, true)) ? a0 : a0) : (Outcomes.now(log, 30, a0))));
}
case 1: {
if (((boolean) Outcomes.now(log, 35, !((boolean) Outcomes.now(log, 34, true))))) break l15;
if (((boolean) Outcomes.now(log, 36, true))) {
if ("t18".equals("t19")) break l15;
T v20 = a0;
log.add("t21 " + 'k');
}
log.add("t22 " + ((char) Outcomes.now(log, 37, (char) ('h'))));
}
break;
case 2: {
}
break;
}
}
catch (RuntimeException e24) {
String e24m = e24.getClass().getSimpleName() + ":" + e24.getMessage();
log.add("t27 " + e24m + Probe.suppressed(e24));
{
log.add("t25 " + new Box(((i16 + (-1)) * 7), ("" + (Outcomes.now(log, 40, Integer.valueOf(((int) Outcomes.now(log, 39, Integer.MIN_VALUE))))) + ((short) 30324))));
this.f1 = ((boolean) Outcomes.now(log, 43, false));
}
if (((boolean) Outcomes.now(log, 44, ((f1 ? Integer.MAX_VALUE : 1) < "t29".length())))) { Probe.suppress(e24, new FuzzChecked("t28")); throw e24; }
}
finally {
log.add("t30 finally");
try {
this.f1 = true;
if ((true && log.entries().size() % 3 == 1)) return (f1 ? (Outcomes.now(log, 45, a0)) : a0);
double v31 = ((-2.25) * (1.5 / ((double) i16)));
}
catch (ArithmeticException e32) {
String e32m = e32.getClass().getSimpleName() + ":" + e32.getMessage();
log.add("t34 " + e32m + Probe.suppressed(e32));
{
int v33 = new Box(1, "b").v;
}
}
finally {
log.add("t35 finally");
float v36 = (((float) Outcomes.now(log, 47, (float) ((-0.75f)))) - (((float) ((int) Outcomes.now(log, 48, 100))) / ((float) Outcomes.now(log, 50, (float) ((0.0f * ((float) Outcomes.now(log, 49, (float) (3.0e38f)))))))));
if (((depth > 0 ? ((boolean) this.m1(log, depth - 1, ('s' > ((char) Outcomes.now(log, 51, (char) ('x')))))) : true) && log.entries().size() % 3 == 2)) return a0;
T v37 = (Outcomes.now(log, 53, (this.f1 ? a0 : (((boolean) Outcomes.now(log, 52, false)) ? a0 : a0))));
log.add("t38 " + ((byte) (depth > 0 ? ((int) this.<Integer>m1(log, depth - 1, i16)) : 100)));
}
}
if (java.util.Objects.equals((!((boolean) Outcomes.now(log, 55, this.f1)) ? (((boolean) Outcomes.now(log, 54, false)) ? a0 : a0) : (f1 ? a0 : a0)), (((boolean) Outcomes.now(log, 56, (true && f1))) ? (this.f1 ? a0 : a0) : a0))) {
log.add("t39 " + (depth > 0 ? (this.m1(log, depth - 1, new Box(8, "b"))) : new Box(1, "b")));
}
}
}
try {
log.add("t41 " + ((char) (Outcomes.now(log, 57, "t42")).length()));
switch ((new int[] {Integer.valueOf(-50).intValue(), ((int) Outcomes.now(log, 59, Integer.valueOf(-63).intValue())), Integer.valueOf(-59).intValue(), ((int) Outcomes.now(log, 60, new Box(5, "b").v))})[(new int[] {1, 7, ((int) Outcomes.now(log, 61, (-1))), 0})[(Outcomes.now(log, 62, "t43")).length() & 3] & 3] & 3) {
case 0: {
switch (7 & 3) {
default: {
log.add("t45 " + (Outcomes.now(log, 65, new Box(1, "b"))));
f1 = ((boolean) Outcomes.now(log, 67, (((long) (100 >> ((int) Outcomes.now(log, 66, (-1))))) > ((729223837009893694L) - 1L))));
}
}
}
break;
case 1: {
}
break;
case 2: {
}
break;
}
}
catch (RuntimeException e46) {
String e46m = e46.getClass().getSimpleName() + ":" + e46.getMessage();
log.add("t47 " + e46m + Probe.suppressed(e46));
{
}
}
catch (Exception e48) {
String e48m = e48.getClass().getSimpleName() + ":" + e48.getMessage();
log.add("t49 " + e48m + Probe.suppressed(e48));
{
}
}
log.reached(Feature.RETURNED_A_CALL);
return (depth > 0 ? this.<T>m1(log, depth - 1, (Outcomes.now(log, 68, a0))) : a0);
}

}
}
