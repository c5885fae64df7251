// jasyncio fuzz regression: CRASH (compiler refused: [A.java: fz.A$P365$D: cannot rewrite a malformed class file: java.lang.ArrayIndexOutOfBoundsException])
// found by: fuzz/run.sh --seed 1002, program P365
// plan-seed: 1002
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P365 {
@Async static Task<Character> m0(Log log, int depth) throws Exception {
return Task.completed('h');
}

@Async private static Task<Boolean> m1(Log log, int depth, int a0, byte a1, Box a2) throws Exception {
try {
a2 = (await(Inline.call((java.util.concurrent.Callable<Task<Box>>) () -> {
Box r = new Box(9, "b");
log.reached(Feature.AWAITING_LAMBDA);
log.add("t38 lambda " + r + " " + Probe.task(log));
return Task.completed(r);
})));
}
catch (ArithmeticException e41) {
String e41m = e41.getClass().getSimpleName() + ":" + e41.getMessage();
log.add("t44 " + e41m + Probe.suppressed(e41));
{
}
}
catch (RuntimeException e45) {
String e45m = e45.getClass().getSimpleName() + ":" + e45.getMessage();
log.add("t58 " + e45m + Probe.suppressed(e45));
{
switch (2 & 3) {
case 0: {
if (true) {
log.add("t46 " + ((byte) 61));
a1 = ((byte) 53);
String v47 = "t48";
log.add("t49 " + Probe.task(log));
}
else {
a1 = ((byte) -128);
a1 = ((byte) -121);
}
}
break;
}
{
int i51 = 0;
l50: do {
l52: for (int i53 = 0; i53 < 2; i53++) {
a1 = ((byte) -103);
short v54 = ((short) -624);
{
log.add("t55 " + ((long) Integer.MIN_VALUE));
}
if (false) continue l50;
}
log.add("t56 " + 3.0e38f);
}
while (++i51 < 0);
}
}
}
finally {
log.add("t59 finally");
}
return Task.completed(true);
}

interface D {
@Async default <T extends Comparable<T>> Task<T> m3(Log log, int depth, T a0, boolean a1) throws Exception {
log.reached(Feature.INTERFACE_DEFAULT_METHOD, Feature.BOUNDED_GENERIC_METHOD);
l115: for (int i116 = 0; i116 < 3; i116++) {
try {
if (((false || java.util.Objects.equals(a0, a0)) && log.entries().size() % 3 == 1)) return Task.completed(a0);
log.add("t117 " + ((double) await(Outcomes.stage(log, 127, (1.5 / ((double) i116))))));
}
catch (ArithmeticException e118) {
String e118m = e118.getClass().getSimpleName() + ":" + e118.getMessage();
log.add("t121 " + e118m + Probe.suppressed(e118));
{
if ((depth > 0 ? ((boolean) await(this.<Boolean>m3(log, depth - 1, java.util.Objects.equals(a0, a0), !((boolean) await(Outcomes.handWritten(log, 128, a1)))))) : true)) break l115;
a1 = ((boolean) await(Outcomes.stage(log, 132, String.valueOf(((byte) await(Outcomes.future(log, 129, (byte) (((byte) -63)))))).equals(String.valueOf((a1 ? (await(Entry.created(log, Outcomes.future(log, 130, Integer.valueOf(97))))) : (await(Outcomes.handWritten(log, 131, Integer.valueOf(-116))))))))));
}
}
catch (RuntimeException e122) {
String e122m = e122.getClass().getSimpleName() + ":" + e122.getMessage();
log.add("t131 " + e122m + Probe.suppressed(e122));
{
log.add("t123 " + Probe.task(log));
try {
log.add("t125 " + a1);
a0 = (((((boolean) await(Outcomes.future(log, 134, false))) || false) || java.util.Objects.equals(a0, a0)) ? (a1 ? a0 : a0) : a0);
}
finally {
log.add("t126 finally");
log.add("t127 " + (await(Outcomes.future(log, 135, a0))));
log.add("t128 " + ((short) -11378));
a0 = (java.util.Objects.equals((((boolean) await(Outcomes.stage(log, 138, false))) ? a0 : a0), (((boolean) await(Outcomes.future(log, 139, a1))) ? a0 : a0)) ? (a1 ? a0 : a0) : ((await(Outcomes.minimal(log, 137, e122m))).equals("t130") ? a0 : (await(Outcomes.handWritten(log, 136, a0)))));
}
}
}
catch (Exception e132) {
String e132m = e132.getClass().getSimpleName() + ":" + e132.getMessage();
log.add("t136 " + e132m + Probe.suppressed(e132));
{
if ((java.util.Objects.equals(a0, (await(Outcomes.future(log, 142, (((boolean) await(Entry.relay(log, Outcomes.future(log, 141, false)))) ? (await(Entry.created(log, Outcomes.future(log, 140, a0)))) : a0))))) && log.entries().size() % 3 == 2)) throw new FuzzChecked("t133");
short v134 = ((short) ((int) await(Outcomes.stage(log, 145, (await(Outcomes.stage(log, 144, new Box(((int) await(Outcomes.handWritten(log, 143, (-2107983878)))), "t135")))).v))));
}
}
finally {
log.add("t137 finally");
{
int i139 = 0;
l138: while (i139++ < 3) {
if ((((boolean) await(Entry.created(log, Outcomes.future(log, 146, true)))) && log.entries().size() % 3 == 2)) return Task.completed(("t140".equals((await(Outcomes.future(log, 154, "t141")))) ? (await(Outcomes.future(log, 150, (((boolean) await(Entry.relay(log, Outcomes.future(log, 149, a1)))) ? (await(Outcomes.stage(log, 147, a0))) : (await(Outcomes.future(log, 148, a0))))))) : (await(Outcomes.stage(log, 153, (((boolean) await(Outcomes.stage(log, 152, a1))) ? (await(Outcomes.future(log, 151, a0))) : a0))))));
a0 = (a1 ? (depth > 0 ? (await(this.m3(log, depth - 1, a0, (true && ((boolean) await(Outcomes.future(log, 155, true))))))) : a0) : a0);
a1 = ((((-5021664615376041501L) % (-3L)) / (((long) await(Outcomes.future(log, 156, 0L))) - 0L)) == ((long) await(Outcomes.minimal(log, 157, Long.MIN_VALUE))));
}
}
{
int i143 = 0;
l142: while (i143++ < 2) {
double v144 = (((double) (new int[] {1, 2, 3, 4})[((int) await(Outcomes.minimal(log, 158, i116))) & 3]) / (((double) await(Outcomes.stage(log, 160, (1.5 * ((double) await(Outcomes.future(log, 159, 1.5))))))) * 0.0));
a1 = (depth > 0 ? (await(new O().m3(log, depth - 1, ("" + Integer.MIN_VALUE + a0), (100 < i143)))) : "t147").equals(new Box(Integer.MAX_VALUE, "t149").toString());
T v150 = (a1 ? (a1 ? a0 : a0) : a0);
}
}
log.add("t151 " + (depth > 0 ? ((int) await(this.<Integer>m3(log, depth - 1, (new int[] {1, 2, 3, 4})[0 & 3], java.util.Objects.equals(a0, a0)))) : 2));
switch ((depth > 0 ? ((int) await(this.m3(log, depth - 1, (((int) await(Outcomes.stage(log, 161, (1311987907)))) * 7), !((boolean) await(Outcomes.handWritten(log, 162, a1)))))) : 0) & 3) {
case 0: {
a1 = ((-3L) <= ((((long) await(Outcomes.future(log, 163, (-3L)))) * (2257463311355278505L)) >> ((long) await(Outcomes.future(log, 164, 1L)))));
if (java.util.Arrays.toString((await(Outcomes.future(log, 165, new int[] {1, 2, 3, 4})))).equals(java.util.Arrays.toString((await(Outcomes.future(log, 168, new int[] {((int) await(Entry.created(log, Outcomes.future(log, 166, (-328715656))))), i116, 7, ((int) await(Outcomes.handWritten(log, 167, 1)))})))))) {
log.add("t152 " + Probe.task(log));
}
}
}
}
}
return Task.completed((await(Entry.created(log, Outcomes.future(log, 173, a0)))));
}

}

static final class O implements D {
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
return Task.completed(held);
}
}
}
}

final class S {
static final class P365 {
static Character m0(Log log, int depth) throws Exception {
return 'h';
}

private static Boolean m1(Log log, int depth, int a0, byte a1, Box a2) throws Exception {
try {
a2 = (Inline.call((java.util.concurrent.Callable<Box>) () -> {
Box r = new Box(9, "b");
log.reached(Feature.AWAITING_LAMBDA);
log.add("t38 lambda " + r + " " + Probe.TASK);
return r;
}));
}
catch (ArithmeticException e41) {
String e41m = e41.getClass().getSimpleName() + ":" + e41.getMessage();
log.add("t44 " + e41m + Probe.suppressed(e41));
{
}
}
catch (RuntimeException e45) {
String e45m = e45.getClass().getSimpleName() + ":" + e45.getMessage();
log.add("t58 " + e45m + Probe.suppressed(e45));
{
switch (2 & 3) {
case 0: {
if (true) {
log.add("t46 " + ((byte) 61));
a1 = ((byte) 53);
String v47 = "t48";
log.add("t49 " + Probe.TASK);
}
else {
a1 = ((byte) -128);
a1 = ((byte) -121);
}
}
break;
}
{
int i51 = 0;
l50: do {
l52: for (int i53 = 0; i53 < 2; i53++) {
a1 = ((byte) -103);
short v54 = ((short) -624);
{
log.add("t55 " + ((long) Integer.MIN_VALUE));
}
if (false) continue l50;
}
log.add("t56 " + 3.0e38f);
}
while (++i51 < 0);
}
}
}
finally {
log.add("t59 finally");
}
return true;
}

interface D {
default <T extends Comparable<T>> T m3(Log log, int depth, T a0, boolean a1) throws Exception {
log.reached(Feature.INTERFACE_DEFAULT_METHOD, Feature.BOUNDED_GENERIC_METHOD);
l115: for (int i116 = 0; i116 < 3; i116++) {
try {
if (((false || java.util.Objects.equals(a0, a0)) && log.entries().size() % 3 == 1)) return a0;
log.add("t117 " + ((double) Outcomes.now(log, 127, (1.5 / ((double) i116)))));
}
catch (ArithmeticException e118) {
String e118m = e118.getClass().getSimpleName() + ":" + e118.getMessage();
log.add("t121 " + e118m + Probe.suppressed(e118));
{
if ((depth > 0 ? ((boolean) this.<Boolean>m3(log, depth - 1, java.util.Objects.equals(a0, a0), !((boolean) Outcomes.now(log, 128, a1)))) : true)) break l115;
a1 = ((boolean) Outcomes.now(log, 132, String.valueOf(((byte) Outcomes.now(log, 129, (byte) (((byte) -63))))).equals(String.valueOf((a1 ? (Outcomes.now(log, 130, Integer.valueOf(97))) : (Outcomes.now(log, 131, Integer.valueOf(-116))))))));
}
}
catch (RuntimeException e122) {
String e122m = e122.getClass().getSimpleName() + ":" + e122.getMessage();
log.add("t131 " + e122m + Probe.suppressed(e122));
{
log.add("t123 " + Probe.TASK);
try {
log.add("t125 " + a1);
a0 = (((((boolean) Outcomes.now(log, 134, false)) || false) || java.util.Objects.equals(a0, a0)) ? (a1 ? a0 : a0) : a0);
}
finally {
log.add("t126 finally");
log.add("t127 " + (Outcomes.now(log, 135, a0)));
log.add("t128 " + ((short) -11378));
a0 = (java.util.Objects.equals((((boolean) Outcomes.now(log, 138, false)) ? a0 : a0), (((boolean) Outcomes.now(log, 139, a1)) ? a0 : a0)) ? (a1 ? a0 : a0) : ((Outcomes.now(log, 137, e122m)).equals("t130") ? a0 : (Outcomes.now(log, 136, a0))));
}
}
}
catch (Exception e132) {
String e132m = e132.getClass().getSimpleName() + ":" + e132.getMessage();
log.add("t136 " + e132m + Probe.suppressed(e132));
{
if ((java.util.Objects.equals(a0, (Outcomes.now(log, 142, (((boolean) Outcomes.now(log, 141, false)) ? (Outcomes.now(log, 140, a0)) : a0)))) && log.entries().size() % 3 == 2)) throw new FuzzChecked("t133");
short v134 = ((short) ((int) Outcomes.now(log, 145, (Outcomes.now(log, 144, new Box(((int) Outcomes.now(log, 143, (-2107983878))), "t135"))).v)));
}
}
finally {
log.add("t137 finally");
{
int i139 = 0;
l138: while (i139++ < 3) {
if ((((boolean) Outcomes.now(log, 146, true)) && log.entries().size() % 3 == 2)) return ("t140".equals((Outcomes.now(log, 154, "t141"))) ? (Outcomes.now(log, 150, (((boolean) Outcomes.now(log, 149, a1)) ? (Outcomes.now(log, 147, a0)) : (Outcomes.now(log, 148, a0))))) : (Outcomes.now(log, 153, (((boolean) Outcomes.now(log, 152, a1)) ? (Outcomes.now(log, 151, a0)) : a0))));
a0 = (a1 ? (depth > 0 ? (this.m3(log, depth - 1, a0, (true && ((boolean) Outcomes.now(log, 155, true))))) : a0) : a0);
a1 = ((((-5021664615376041501L) % (-3L)) / (((long) Outcomes.now(log, 156, 0L)) - 0L)) == ((long) Outcomes.now(log, 157, Long.MIN_VALUE)));
}
}
{
int i143 = 0;
l142: while (i143++ < 2) {
double v144 = (((double) (new int[] {1, 2, 3, 4})[((int) Outcomes.now(log, 158, i116)) & 3]) / (((double) Outcomes.now(log, 160, (1.5 * ((double) Outcomes.now(log, 159, 1.5))))) * 0.0));
a1 = (depth > 0 ? (new O().m3(log, depth - 1, ("" + Integer.MIN_VALUE + a0), (100 < i143))) : "t147").equals(new Box(Integer.MAX_VALUE, "t149").toString());
T v150 = (a1 ? (a1 ? a0 : a0) : a0);
}
}
log.add("t151 " + (depth > 0 ? ((int) this.<Integer>m3(log, depth - 1, (new int[] {1, 2, 3, 4})[0 & 3], java.util.Objects.equals(a0, a0))) : 2));
switch ((depth > 0 ? ((int) this.m3(log, depth - 1, (((int) Outcomes.now(log, 161, (1311987907))) * 7), !((boolean) Outcomes.now(log, 162, a1)))) : 0) & 3) {
case 0: {
a1 = ((-3L) <= ((((long) Outcomes.now(log, 163, (-3L))) * (2257463311355278505L)) >> ((long) Outcomes.now(log, 164, 1L))));
if (java.util.Arrays.toString((Outcomes.now(log, 165, new int[] {1, 2, 3, 4}))).equals(java.util.Arrays.toString((Outcomes.now(log, 168, new int[] {((int) Outcomes.now(log, 166, (-328715656))), i116, 7, ((int) Outcomes.now(log, 167, 1))}))))) {
log.add("t152 " + Probe.TASK);
}
}
}
}
}
return (Outcomes.now(log, 173, a0));
}

}

static final class O implements D {
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
return held;
}
}
}
}
