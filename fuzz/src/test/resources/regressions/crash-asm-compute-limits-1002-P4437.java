// jasyncio fuzz regression: CRASH (compiler refused: [A.java:121: fz.A$P4437.m2: cannot rewrite: org.objectweb.asm.LimitExceededException: Too many operations])
// ASM 9.11 limits frame computation by default; the compiler now lifts the limits (the 64 KiB code limit bounds the work).
// found by: fuzz/run.sh --seed 1002, program P4437 (not shrunk)
// plan-seed: 1002
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P4437 {
byte f0 = ((byte) -15);

@Async static Task<String> m0(Log log, int depth) throws Exception {
P4437 self = new P4437();
try {
if (((!true || ((boolean) await(Outcomes.stage(log, 0, (1e300 >= (-2.25)))))) && log.entries().size() % 3 == 2)) throw new FuzzUnchecked("t0 " + ("" + (-0.75f) + ((short) await(Outcomes.future(log, 1, (short) (((short) -4640)))))).length());
self.f0 = ((byte) ((int) await(Entry.created(log, Outcomes.future(log, 5, (((int) await(Outcomes.stage(log, 2, 2))) >>> (((int) await(Outcomes.handWritten(log, 3, 7))) ^ ((int) await(Outcomes.future(log, 4, 0))))))))));
char v2 = ((char) await(Outcomes.future(log, 7, (char) (((char) ((int) await(Inline.call((java.util.concurrent.Callable<Task<Integer>>) () -> {
Integer r = ((int) await(Outcomes.future(log, 6, 1)));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t3 lambda " + r + " " + Probe.task(log));
return Task.completed(r);
}))))))));
log.add("t32 " + ((short) await(self.<Short>m2(log, depth, ((short) ((int) await(Outcomes.minimal(log, 39, 1))))))));
log.add("t4 " + (0L ^ ((Long.MAX_VALUE - Long.MAX_VALUE) * (Long.MAX_VALUE >>> ((long) await(Entry.created(log, Outcomes.future(log, 8, (3468142605967161926L)))))))));
log.add("t31 " + java.util.Arrays.toString((await(self.m1(log, depth, ((byte) 7), new Box(5, "b"), (4442196526879406203L))))));
if (((boolean) await(Outcomes.future(log, 38, (!(2 >= 0) && true))))) {
try {
try {
if (!true) {
if ((((boolean) await(Inline.call((java.util.concurrent.Callable<Task<Boolean>>) () -> {
Boolean r = ((boolean) await(Outcomes.handWritten(log, 9, (false && true))));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t5 lambda " + r + " " + Probe.task(log));
return Task.completed(r);
}))) && log.entries().size() % 3 == 2)) throw new FuzzChecked("t6");
}
if (((new int[] {Integer.MIN_VALUE, (-1785400001), 100, 2})[Integer.MAX_VALUE & 3] == new Box((-1369546705), "t11").v)) {
Integer v7 = ((((107.25) + (-2.25)) < (1e300 + 1.5)) ? (await(Outcomes.stage(log, 10, Integer.valueOf(17)))) : ((true && true) ? (true ? Integer.valueOf(-34) : Integer.valueOf(-131)) : (await(Outcomes.handWritten(log, 11, Integer.valueOf(-31))))));
if ((new Box(2, "b").toString().equals(new Box(7, "b").toString()) && log.entries().size() % 3 == 0)) throw new FuzzChecked("t10");
}
if ((!false || (((int) await(Outcomes.minimal(log, 35, (1 - 2)))) == ((int) await(Outcomes.handWritten(log, 37, (((int) await(Outcomes.minimal(log, 36, Integer.MIN_VALUE))) / Integer.MIN_VALUE))))))) {
if (!java.util.Arrays.toString(new int[] {1, 2, 3, 4}).equals((await(Outcomes.stage(log, 34, new Box(2, "b").toString()))))) {
if (('n' <= ((char) await(Outcomes.future(log, 23, (char) (((char) await(self.<Character>m2(log, depth, ((char) 100)))))))))) {
int[] v12 = new int[] {((int) await(Outcomes.handWritten(log, 13, ((await(Entry.created(log, Outcomes.future(log, 12, Integer.valueOf(146))))).intValue() * (true ? 1 : (1646487952)))))), (new int[] {100, ((int) await(Outcomes.stage(log, 14, 2))), ((int) await(Outcomes.minimal(log, 15, 0))), ((int) await(Entry.relay(log, Outcomes.future(log, 16, 100))))})[1 & 3], (((int) await(Outcomes.minimal(log, 17, (7 % 2)))) >>> ((int) 1.5)), ((int) await(Outcomes.future(log, 18, (true ? Integer.valueOf(-28) : Integer.valueOf(90)).intValue())))};
boolean v13 = ((boolean) await(Outcomes.future(log, 22, ((await(Entry.created(log, Outcomes.future(log, 20, ("" + Integer.valueOf(-39) + (await(Outcomes.stage(log, 19, new Box(6, "b"))))))))).equals("t15") && ((boolean) await(Entry.relay(log, Outcomes.future(log, 21, true))))))));
}
else {
if ((true && log.entries().size() % 3 == 1)) throw new FuzzChecked("t16");
}
log.add("t17 " + Probe.task(log));
}
else {
if (((boolean) await(Outcomes.future(log, 33, (((double) await(Outcomes.minimal(log, 29, ((double) "t18".length())))) >= (((double) await(Outcomes.future(log, 31, ((double) ((int) await(Outcomes.minimal(log, 30, 2))))))) * (1e300 / ((double) await(Outcomes.minimal(log, 32, (-2.25))))))))))) {
self.f0++;
if ((((char) ((int) await(Outcomes.stage(log, 28, ((-1) << 7))))) <= ((char) (new int[] {1, 2, 3, 4})[(-1) & 3]))) {
self.f0 = ((byte) ((int) await(Outcomes.handWritten(log, 25, (0 / (((int) await(Outcomes.future(log, 24, 2))) + 2))))));
self.f0 = ((byte) (((int) await(Outcomes.future(log, 26, (100 >>> 1)))) & ((int) await(Outcomes.minimal(log, 27, (Integer.MAX_VALUE >> Integer.MIN_VALUE))))));
}
}
else {
}
}
}
}
catch (FuzzUnchecked e21) {
String e21m = e21.getClass().getSimpleName() + ":" + e21.getMessage();
log.add("t22 " + e21m + Probe.suppressed(e21));
{
}
}
catch (RuntimeException e23) {
String e23m = e23.getClass().getSimpleName() + ":" + e23.getMessage();
log.add("t24 " + e23m + Probe.suppressed(e23));
{
}
}
catch (Exception e25) {
String e25m = e25.getClass().getSimpleName() + ":" + e25.getMessage();
log.add("t26 " + e25m + Probe.suppressed(e25));
{
}
}
}
catch (CancelledException e27) {
String e27m = e27.getClass().getSimpleName() + ":" + e27.getMessage();
log.add("t28 " + e27m + Probe.suppressed(e27));
{
}
}
catch (Exception e29) {
String e29m = e29.getClass().getSimpleName() + ":" + e29.getMessage();
log.add("t30 " + e29m + Probe.suppressed(e29));
{
}
}
}
}
catch (Exception e33) {
String e33m = e33.getClass().getSimpleName() + ":" + e33.getMessage();
log.add("t34 " + e33m + Probe.suppressed(e33));
{
}
if (!false) { Probe.suppress(e33, new FuzzChecked("t35")); throw e33; }
}
finally {
log.add("t36 finally");
}
return Task.completed((await(Outcomes.future(log, 41, ("" + ((char) await(Outcomes.future(log, 40, (char) (((char) (527658712)))))) + ((short) (100 - 100)))))));
}

@Async private Task<int[]> m1(Log log, int depth, byte a0, Box a1, long a2) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.PRIVATE_INSTANCE_METHOD);
log.add("t38 " + Probe.task(log));
return Task.completed((await(Outcomes.future(log, 46, new int[] {Integer.valueOf(Integer.MAX_VALUE).intValue(), String.valueOf((-1)).length(), ((int) await(Outcomes.minimal(log, 44, ((false ? ((int) await(Outcomes.stage(log, 42, 1))) : 2) * ((int) await(Outcomes.stage(log, 43, ((int) a2)))))))), ((int) ((long) await(Outcomes.minimal(log, 45, (4409261800815304961L)))))}))));
}

@Async <T extends Comparable<T>> Task<T> m2(Log log, int depth, T a0) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.BOUNDED_GENERIC_METHOD);
try {
log.add("t40 " + Probe.task(log));
try {
try {
try {
this.f0 = ((byte) 36);
if (!true) {
log.add("t41 " + (depth > 0 ? ((long) await(m2(log, depth - 1, Long.MAX_VALUE))) : Long.MAX_VALUE));
this.f0++;
}
log.add("t42 " + ((byte) await(Outcomes.stage(log, 47, (byte) (((byte) ((Integer.MIN_VALUE | Integer.MAX_VALUE) << new Box(8, "b").v)))))));
}
catch (FuzzUnchecked e43) {
String e43m = e43.getClass().getSimpleName() + ":" + e43.getMessage();
log.add("t46 " + e43m + Probe.suppressed(e43));
{
if ((java.util.Objects.equals((true ? a0 : a0), a0) && log.entries().size() % 3 == 0)) throw new FuzzUnchecked("t44 " + ((char) ((-1) / ((int) await(Outcomes.stage(log, 48, 7))))));
f0 = ((byte) ((int) await(Outcomes.handWritten(log, 49, ((int) ((-3L) % (2651693896676004582L)))))));
if ((((false ? Integer.MAX_VALUE : (80585640)) != Integer.valueOf(148).intValue()) && log.entries().size() % 3 == 2)) return Task.completed((((boolean) await(Outcomes.future(log, 52, (1.5 < 0.0)))) ? (false ? a0 : (await(Outcomes.future(log, 50, a0)))) : (true ? (await(Outcomes.future(log, 51, a0))) : a0)));
T v45 = (((boolean) await(Outcomes.minimal(log, 56, (!true || java.util.Objects.equals(a0, a0))))) ? (((boolean) await(Entry.created(log, Outcomes.future(log, 54, false)))) ? (false ? (await(Outcomes.future(log, 53, a0))) : a0) : a0) : (await(Outcomes.stage(log, 55, a0))));
}
}
catch (RuntimeException e47) {
String e47m = e47.getClass().getSimpleName() + ":" + e47.getMessage();
log.add("t50 " + e47m + Probe.suppressed(e47));
{
T v48 = (await(Outcomes.future(log, 57, a0)));
log.add("t49 " + ((((int) await(Entry.created(log, Outcomes.future(log, 59, (Integer.MIN_VALUE ^ ((int) await(Outcomes.future(log, 58, 1)))))))) << ((int) 'j')) != ((1L == 0L) ? ((-1286302631) + ((int) await(Outcomes.stage(log, 60, Integer.MIN_VALUE)))) : 0)));
}
}
finally {
log.add("t51 finally");
log.add("t52 " + (((float) (await(Entry.created(log, Outcomes.future(log, 61, Integer.valueOf(-70))))).intValue()) - (-0.75f)));
if ((((boolean) await(Outcomes.future(log, 91, false))) || java.util.Objects.equals((((boolean) await(Outcomes.future(log, 92, false))) ? a0 : a0), (await(Outcomes.stage(log, 93, (true ? a0 : a0))))))) {
this.f0 = ((byte) await(Outcomes.stage(log, 63, (byte) (((byte) (new Box(3, "b").v * (((boolean) await(Outcomes.future(log, 62, true))) ? (1028579274) : 0)))))));
if (((boolean) await(Outcomes.future(log, 90, (((int) await(Outcomes.future(log, 89, (((int) await(Outcomes.future(log, 86, new Box(2, "b").v))) ^ ((int) await(Outcomes.stage(log, 88, Integer.signum((await(Outcomes.stage(log, 87, a0))).compareTo(a0))))))))) > 1))))) {
if (true) {
f0--;
log.add("t53 " + new Box((new int[] {100, Integer.MIN_VALUE, Integer.MIN_VALUE, 7})[(await(Entry.created(log, Outcomes.future(log, 64, Integer.valueOf(91))))).intValue() & 3], (await(Entry.relay(log, Outcomes.future(log, 66, new Box(((int) await(Outcomes.future(log, 65, 0))), "t55"))))).toString()));
T v56 = (await(Outcomes.future(log, 70, (!((boolean) await(Outcomes.future(log, 69, (false && true)))) ? (await(Outcomes.future(log, 68, ((7 < (-1)) ? (true ? a0 : a0) : (await(Outcomes.future(log, 67, (false ? a0 : a0)))))))) : a0))));
this.f0 = (depth > 0 ? ((byte) await(m2(log, depth - 1, ((byte) await(Outcomes.stage(log, 71, (byte) (((byte) (-1))))))))) : ((byte) -87));
}
log.add("t57 " + (await(Outcomes.future(log, 73, new Box(Integer.signum(a0.compareTo(a0)), (await(Outcomes.handWritten(log, 72, ("" + ((byte) -67) + true))))).toString()))));
if ((true && log.entries().size() % 3 == 1)) throw new FuzzChecked("t60");
if (true) {
String v61 = ("" + (await(Outcomes.future(log, 76, new Box(((int) await(Outcomes.stage(log, 75, (await(Outcomes.future(log, 74, Integer.valueOf(14)))).intValue()))), new Box(8, "b").toString())))) + (Long.MAX_VALUE >> (Long.MIN_VALUE ^ (7433221238060999073L))));
if (true) {
short v64 = ((short) (-1));
log.add("t65 " + ((short) ((int) await(Outcomes.stage(log, 77, 2)))));
if ((((int) await(Outcomes.future(log, 83, new Box(8, "b").v))) > ("t71".length() << (Integer.MAX_VALUE << 1)))) {
T v66 = (((false && ((boolean) await(Outcomes.handWritten(log, 78, true)))) || false) ? (true ? a0 : (true ? a0 : a0)) : ((false || true) ? a0 : a0));
if ((java.util.Objects.equals((false ? v66 : v66), (false ? a0 : a0)) && log.entries().size() % 3 == 1)) return Task.completed(((true || false) ? (await(Outcomes.handWritten(log, 79, a0))) : (true ? a0 : a0)));
if (((Integer.valueOf(-51).intValue() <= ((int) await(Entry.created(log, Outcomes.future(log, 80, (100 >> 0)))))) && log.entries().size() % 3 == 0)) throw new FuzzChecked("t67");
String v68 = java.util.Arrays.toString(new int[] {"t70".length(), 100, ((int) await(Outcomes.future(log, 81, Integer.signum(a0.compareTo(v66))))), ((int) await(Entry.relay(log, Outcomes.future(log, 82, new Box(9, "b").v))))});
}
log.add("t72 " + (16.125));
}
else {
if ((((await(Entry.relay(log, Outcomes.future(log, 84, Integer.valueOf(37))))).intValue() != Integer.MIN_VALUE) && log.entries().size() % 3 == 2)) return Task.completed(((Long.MAX_VALUE == Long.MIN_VALUE) ? (true ? a0 : a0) : (true ? a0 : a0)));
log.add("t73 " + (((-3L) + (0L + ((long) await(Outcomes.minimal(log, 85, (4577145461270477386L)))))) + 1L));
}
}
}
else {
}
}
else {
}
}
}
catch (FuzzUnchecked e74) {
String e74m = e74.getClass().getSimpleName() + ":" + e74.getMessage();
log.add("t75 " + e74m + Probe.suppressed(e74));
{
}
}
catch (RuntimeException e76) {
String e76m = e76.getClass().getSimpleName() + ":" + e76.getMessage();
log.add("t77 " + e76m + Probe.suppressed(e76));
{
}
}
}
catch (ArithmeticException e78) {
String e78m = e78.getClass().getSimpleName() + ":" + e78.getMessage();
log.add("t79 " + e78m + Probe.suppressed(e78));
{
}
}
catch (RuntimeException e80) {
String e80m = e80.getClass().getSimpleName() + ":" + e80.getMessage();
log.add("t81 " + e80m + Probe.suppressed(e80));
{
}
if (((await(Outcomes.future(log, 94, new Box(4, "b")))).v < (new int[] {1, 2, 3, 4})[((int) await(Outcomes.stage(log, 95, Integer.MAX_VALUE))) & 3])) { throw e80; }
}
catch (Exception e82) {
String e82m = e82.getClass().getSimpleName() + ":" + e82.getMessage();
log.add("t83 " + e82m + Probe.suppressed(e82));
{
}
}
finally {
log.add("t84 finally");
}
}
catch (ArithmeticException e85) {
String e85m = e85.getClass().getSimpleName() + ":" + e85.getMessage();
log.add("t86 " + e85m + Probe.suppressed(e85));
{
}
}
catch (Exception e87) {
String e87m = e87.getClass().getSimpleName() + ":" + e87.getMessage();
log.add("t88 " + e87m + Probe.suppressed(e87));
{
}
}
return Task.completed((((boolean) await(Entry.created(log, Outcomes.future(log, 98, ("t89".equals("t90") && ((boolean) await(Outcomes.stage(log, 97, false)))))))) ? a0 : (await(Outcomes.future(log, 96, a0)))));
}

}
}

final class S {
static final class P4437 {
byte f0 = ((byte) -15);

static String m0(Log log, int depth) throws Exception {
P4437 self = new P4437();
try {
if (((!true || ((boolean) Outcomes.now(log, 0, (1e300 >= (-2.25))))) && log.entries().size() % 3 == 2)) throw new FuzzUnchecked("t0 " + ("" + (-0.75f) + ((short) Outcomes.now(log, 1, (short) (((short) -4640))))).length());
self.f0 = ((byte) ((int) Outcomes.now(log, 5, (((int) Outcomes.now(log, 2, 2)) >>> (((int) Outcomes.now(log, 3, 7)) ^ ((int) Outcomes.now(log, 4, 0)))))));
char v2 = ((char) Outcomes.now(log, 7, (char) (((char) ((int) Inline.call((java.util.concurrent.Callable<Integer>) () -> {
Integer r = ((int) Outcomes.now(log, 6, 1));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t3 lambda " + r + " " + Probe.TASK);
return r;
}))))));
log.add("t32 " + ((short) self.<Short>m2(log, depth, ((short) ((int) Outcomes.now(log, 39, 1))))));
log.add("t4 " + (0L ^ ((Long.MAX_VALUE - Long.MAX_VALUE) * (Long.MAX_VALUE >>> ((long) Outcomes.now(log, 8, (3468142605967161926L)))))));
log.add("t31 " + java.util.Arrays.toString((self.m1(log, depth, ((byte) 7), new Box(5, "b"), (4442196526879406203L)))));
if (((boolean) Outcomes.now(log, 38, (!(2 >= 0) && true)))) {
try {
try {
if (!true) {
if ((((boolean) Inline.call((java.util.concurrent.Callable<Boolean>) () -> {
Boolean r = ((boolean) Outcomes.now(log, 9, (false && true)));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t5 lambda " + r + " " + Probe.TASK);
return r;
})) && log.entries().size() % 3 == 2)) throw new FuzzChecked("t6");
}
if (((new int[] {Integer.MIN_VALUE, (-1785400001), 100, 2})[Integer.MAX_VALUE & 3] == new Box((-1369546705), "t11").v)) {
Integer v7 = ((((107.25) + (-2.25)) < (1e300 + 1.5)) ? (Outcomes.now(log, 10, Integer.valueOf(17))) : ((true && true) ? (true ? Integer.valueOf(-34) : Integer.valueOf(-131)) : (Outcomes.now(log, 11, Integer.valueOf(-31)))));
if ((new Box(2, "b").toString().equals(new Box(7, "b").toString()) && log.entries().size() % 3 == 0)) throw new FuzzChecked("t10");
}
if ((!false || (((int) Outcomes.now(log, 35, (1 - 2))) == ((int) Outcomes.now(log, 37, (((int) Outcomes.now(log, 36, Integer.MIN_VALUE)) / Integer.MIN_VALUE)))))) {
if (!java.util.Arrays.toString(new int[] {1, 2, 3, 4}).equals((Outcomes.now(log, 34, new Box(2, "b").toString())))) {
if (('n' <= ((char) Outcomes.now(log, 23, (char) (((char) self.<Character>m2(log, depth, ((char) 100)))))))) {
int[] v12 = new int[] {((int) Outcomes.now(log, 13, ((Outcomes.now(log, 12, Integer.valueOf(146))).intValue() * (true ? 1 : (1646487952))))), (new int[] {100, ((int) Outcomes.now(log, 14, 2)), ((int) Outcomes.now(log, 15, 0)), ((int) Outcomes.now(log, 16, 100))})[1 & 3], (((int) Outcomes.now(log, 17, (7 % 2))) >>> ((int) 1.5)), ((int) Outcomes.now(log, 18, (true ? Integer.valueOf(-28) : Integer.valueOf(90)).intValue()))};
boolean v13 = ((boolean) Outcomes.now(log, 22, ((Outcomes.now(log, 20, ("" + Integer.valueOf(-39) + (Outcomes.now(log, 19, new Box(6, "b")))))).equals("t15") && ((boolean) Outcomes.now(log, 21, true)))));
}
else {
if ((true && log.entries().size() % 3 == 1)) throw new FuzzChecked("t16");
}
log.add("t17 " + Probe.TASK);
}
else {
if (((boolean) Outcomes.now(log, 33, (((double) Outcomes.now(log, 29, ((double) "t18".length()))) >= (((double) Outcomes.now(log, 31, ((double) ((int) Outcomes.now(log, 30, 2))))) * (1e300 / ((double) Outcomes.now(log, 32, (-2.25))))))))) {
self.f0++;
if ((((char) ((int) Outcomes.now(log, 28, ((-1) << 7)))) <= ((char) (new int[] {1, 2, 3, 4})[(-1) & 3]))) {
self.f0 = ((byte) ((int) Outcomes.now(log, 25, (0 / (((int) Outcomes.now(log, 24, 2)) + 2)))));
self.f0 = ((byte) (((int) Outcomes.now(log, 26, (100 >>> 1))) & ((int) Outcomes.now(log, 27, (Integer.MAX_VALUE >> Integer.MIN_VALUE)))));
}
}
else {
}
}
}
}
catch (FuzzUnchecked e21) {
String e21m = e21.getClass().getSimpleName() + ":" + e21.getMessage();
log.add("t22 " + e21m + Probe.suppressed(e21));
{
}
}
catch (RuntimeException e23) {
String e23m = e23.getClass().getSimpleName() + ":" + e23.getMessage();
log.add("t24 " + e23m + Probe.suppressed(e23));
{
}
}
catch (Exception e25) {
String e25m = e25.getClass().getSimpleName() + ":" + e25.getMessage();
log.add("t26 " + e25m + Probe.suppressed(e25));
{
}
}
}
catch (CancelledException e27) {
String e27m = e27.getClass().getSimpleName() + ":" + e27.getMessage();
log.add("t28 " + e27m + Probe.suppressed(e27));
{
}
}
catch (Exception e29) {
String e29m = e29.getClass().getSimpleName() + ":" + e29.getMessage();
log.add("t30 " + e29m + Probe.suppressed(e29));
{
}
}
}
}
catch (Exception e33) {
String e33m = e33.getClass().getSimpleName() + ":" + e33.getMessage();
log.add("t34 " + e33m + Probe.suppressed(e33));
{
}
if (!false) { Probe.suppress(e33, new FuzzChecked("t35")); throw e33; }
}
finally {
log.add("t36 finally");
}
return (Outcomes.now(log, 41, ("" + ((char) Outcomes.now(log, 40, (char) (((char) (527658712))))) + ((short) (100 - 100)))));
}

private int[] m1(Log log, int depth, byte a0, Box a1, long a2) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.PRIVATE_INSTANCE_METHOD);
log.add("t38 " + Probe.TASK);
return (Outcomes.now(log, 46, new int[] {Integer.valueOf(Integer.MAX_VALUE).intValue(), String.valueOf((-1)).length(), ((int) Outcomes.now(log, 44, ((false ? ((int) Outcomes.now(log, 42, 1)) : 2) * ((int) Outcomes.now(log, 43, ((int) a2)))))), ((int) ((long) Outcomes.now(log, 45, (4409261800815304961L))))}));
}

<T extends Comparable<T>> T m2(Log log, int depth, T a0) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.BOUNDED_GENERIC_METHOD);
try {
log.add("t40 " + Probe.TASK);
try {
try {
try {
this.f0 = ((byte) 36);
if (!true) {
log.add("t41 " + (depth > 0 ? ((long) m2(log, depth - 1, Long.MAX_VALUE)) : Long.MAX_VALUE));
this.f0++;
}
log.add("t42 " + ((byte) Outcomes.now(log, 47, (byte) (((byte) ((Integer.MIN_VALUE | Integer.MAX_VALUE) << new Box(8, "b").v))))));
}
catch (FuzzUnchecked e43) {
String e43m = e43.getClass().getSimpleName() + ":" + e43.getMessage();
log.add("t46 " + e43m + Probe.suppressed(e43));
{
if ((java.util.Objects.equals((true ? a0 : a0), a0) && log.entries().size() % 3 == 0)) throw new FuzzUnchecked("t44 " + ((char) ((-1) / ((int) Outcomes.now(log, 48, 7)))));
f0 = ((byte) ((int) Outcomes.now(log, 49, ((int) ((-3L) % (2651693896676004582L))))));
if ((((false ? Integer.MAX_VALUE : (80585640)) != Integer.valueOf(148).intValue()) && log.entries().size() % 3 == 2)) return (((boolean) Outcomes.now(log, 52, (1.5 < 0.0))) ? (false ? a0 : (Outcomes.now(log, 50, a0))) : (true ? (Outcomes.now(log, 51, a0)) : a0));
T v45 = (((boolean) Outcomes.now(log, 56, (!true || java.util.Objects.equals(a0, a0)))) ? (((boolean) Outcomes.now(log, 54, false)) ? (false ? (Outcomes.now(log, 53, a0)) : a0) : a0) : (Outcomes.now(log, 55, a0)));
}
}
catch (RuntimeException e47) {
String e47m = e47.getClass().getSimpleName() + ":" + e47.getMessage();
log.add("t50 " + e47m + Probe.suppressed(e47));
{
T v48 = (Outcomes.now(log, 57, a0));
log.add("t49 " + ((((int) Outcomes.now(log, 59, (Integer.MIN_VALUE ^ ((int) Outcomes.now(log, 58, 1))))) << ((int) 'j')) != ((1L == 0L) ? ((-1286302631) + ((int) Outcomes.now(log, 60, Integer.MIN_VALUE))) : 0)));
}
}
finally {
log.add("t51 finally");
log.add("t52 " + (((float) (Outcomes.now(log, 61, Integer.valueOf(-70))).intValue()) - (-0.75f)));
if ((((boolean) Outcomes.now(log, 91, false)) || java.util.Objects.equals((((boolean) Outcomes.now(log, 92, false)) ? a0 : a0), (Outcomes.now(log, 93, (true ? a0 : a0)))))) {
this.f0 = ((byte) Outcomes.now(log, 63, (byte) (((byte) (new Box(3, "b").v * (((boolean) Outcomes.now(log, 62, true)) ? (1028579274) : 0))))));
if (((boolean) Outcomes.now(log, 90, (((int) Outcomes.now(log, 89, (((int) Outcomes.now(log, 86, new Box(2, "b").v)) ^ ((int) Outcomes.now(log, 88, Integer.signum((Outcomes.now(log, 87, a0)).compareTo(a0))))))) > 1)))) {
if (true) {
f0--;
log.add("t53 " + new Box((new int[] {100, Integer.MIN_VALUE, Integer.MIN_VALUE, 7})[(Outcomes.now(log, 64, Integer.valueOf(91))).intValue() & 3], (Outcomes.now(log, 66, new Box(((int) Outcomes.now(log, 65, 0)), "t55"))).toString()));
T v56 = (Outcomes.now(log, 70, (!((boolean) Outcomes.now(log, 69, (false && true))) ? (Outcomes.now(log, 68, ((7 < (-1)) ? (true ? a0 : a0) : (Outcomes.now(log, 67, (false ? a0 : a0)))))) : a0)));
this.f0 = (depth > 0 ? ((byte) m2(log, depth - 1, ((byte) Outcomes.now(log, 71, (byte) (((byte) (-1))))))) : ((byte) -87));
}
log.add("t57 " + (Outcomes.now(log, 73, new Box(Integer.signum(a0.compareTo(a0)), (Outcomes.now(log, 72, ("" + ((byte) -67) + true)))).toString())));
if ((true && log.entries().size() % 3 == 1)) throw new FuzzChecked("t60");
if (true) {
String v61 = ("" + (Outcomes.now(log, 76, new Box(((int) Outcomes.now(log, 75, (Outcomes.now(log, 74, Integer.valueOf(14))).intValue())), new Box(8, "b").toString()))) + (Long.MAX_VALUE >> (Long.MIN_VALUE ^ (7433221238060999073L))));
if (true) {
short v64 = ((short) (-1));
log.add("t65 " + ((short) ((int) Outcomes.now(log, 77, 2))));
if ((((int) Outcomes.now(log, 83, new Box(8, "b").v)) > ("t71".length() << (Integer.MAX_VALUE << 1)))) {
T v66 = (((false && ((boolean) Outcomes.now(log, 78, true))) || false) ? (true ? a0 : (true ? a0 : a0)) : ((false || true) ? a0 : a0));
if ((java.util.Objects.equals((false ? v66 : v66), (false ? a0 : a0)) && log.entries().size() % 3 == 1)) return ((true || false) ? (Outcomes.now(log, 79, a0)) : (true ? a0 : a0));
if (((Integer.valueOf(-51).intValue() <= ((int) Outcomes.now(log, 80, (100 >> 0)))) && log.entries().size() % 3 == 0)) throw new FuzzChecked("t67");
String v68 = java.util.Arrays.toString(new int[] {"t70".length(), 100, ((int) Outcomes.now(log, 81, Integer.signum(a0.compareTo(v66)))), ((int) Outcomes.now(log, 82, new Box(9, "b").v))});
}
log.add("t72 " + (16.125));
}
else {
if ((((Outcomes.now(log, 84, Integer.valueOf(37))).intValue() != Integer.MIN_VALUE) && log.entries().size() % 3 == 2)) return ((Long.MAX_VALUE == Long.MIN_VALUE) ? (true ? a0 : a0) : (true ? a0 : a0));
log.add("t73 " + (((-3L) + (0L + ((long) Outcomes.now(log, 85, (4577145461270477386L))))) + 1L));
}
}
}
else {
}
}
else {
}
}
}
catch (FuzzUnchecked e74) {
String e74m = e74.getClass().getSimpleName() + ":" + e74.getMessage();
log.add("t75 " + e74m + Probe.suppressed(e74));
{
}
}
catch (RuntimeException e76) {
String e76m = e76.getClass().getSimpleName() + ":" + e76.getMessage();
log.add("t77 " + e76m + Probe.suppressed(e76));
{
}
}
}
catch (ArithmeticException e78) {
String e78m = e78.getClass().getSimpleName() + ":" + e78.getMessage();
log.add("t79 " + e78m + Probe.suppressed(e78));
{
}
}
catch (RuntimeException e80) {
String e80m = e80.getClass().getSimpleName() + ":" + e80.getMessage();
log.add("t81 " + e80m + Probe.suppressed(e80));
{
}
if (((Outcomes.now(log, 94, new Box(4, "b"))).v < (new int[] {1, 2, 3, 4})[((int) Outcomes.now(log, 95, Integer.MAX_VALUE)) & 3])) { throw e80; }
}
catch (Exception e82) {
String e82m = e82.getClass().getSimpleName() + ":" + e82.getMessage();
log.add("t83 " + e82m + Probe.suppressed(e82));
{
}
}
finally {
log.add("t84 finally");
}
}
catch (ArithmeticException e85) {
String e85m = e85.getClass().getSimpleName() + ":" + e85.getMessage();
log.add("t86 " + e85m + Probe.suppressed(e85));
{
}
}
catch (Exception e87) {
String e87m = e87.getClass().getSimpleName() + ":" + e87.getMessage();
log.add("t88 " + e87m + Probe.suppressed(e87));
{
}
}
return (((boolean) Outcomes.now(log, 98, ("t89".equals("t90") && ((boolean) Outcomes.now(log, 97, false))))) ? a0 : (Outcomes.now(log, 96, a0)));
}

}
}
