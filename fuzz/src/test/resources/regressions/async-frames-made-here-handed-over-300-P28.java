// jasyncio fuzz regression: a known divergence (ASYNC_FRAMES) until an await stopped adding a frame that the part of the
// trace showing where the failure was made holds already: m0 makes the failure (Outcomes.future, DONE) and hands it to
// a task of createTask (Entry.created) that awaits it; m0 then awaits that task: expected [P28.m0:41] but was
// [P28.m0:41, P28.m0:41] under FAILING.
// found by: fuzz/run.sh --seed 300, program P28
// plan-seed: 300
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P28 {
int f0 = 0;
long f1 = Long.MAX_VALUE;
short f2 = ((short) 4857);

@Async static Task<Integer> m0(Log log, int depth) throws Exception {
P28 self = new P28();
log.add("t0 " + false);
if ((Integer.MAX_VALUE >= ("" + (await(Outcomes.future(log, 28, new Box(8, "b")))) + ((float) await(Outcomes.future(log, 29, (float) ((-0.75f)))))).length())) {
{
int i2 = 0;
l1: do {
{
int i4 = 0;
l3: while (i4++ < 3) {
log.add("t5 " + ((float) i4));
short v6 = ((short) -25444);
char v7 = ((char) await(Outcomes.future(log, 0, (char) ('n'))));
}
}
{
int i9 = 0;
l8: do {
long v10 = (((long) await(Outcomes.future(log, 1, self.f1))) - (((long) await(Outcomes.future(log, 2, ((-3L) | (-3L))))) | (((long) await(Entry.created(log, Outcomes.future(log, 3, self.f1)))) * 0L)));
if ((new Box(3, "b").v == ((int) await(Entry.created(log, Outcomes.future(log, 4, ((int) 1.5))))))) continue l8;
}
while (++i9 < 0);
}
if ((((long) await(Inline.call((java.util.concurrent.Callable<Task<Long>>) () -> {
Long r = ((long) await(Entry.relay(log, Outcomes.future(log, 11, (self.f1 & ((long) await(Outcomes.handWritten(log, 10, Long.MIN_VALUE))))))));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t19 lambda " + r + " " + Probe.task(log));
return Task.completed(r);
}))) >= (-7969726719467554463L))) {
short v11 = ((short) await(Outcomes.future(log, 8, (short) (((short) ((int) await(Entry.created(log, Outcomes.future(log, 7, ((((int) await(Outcomes.stage(log, 5, 7))) << (1107275224)) | (await(Outcomes.future(log, 6, new Box(5, "b")))).v))))))))));
self.f1 += ((9204040167999055750L) % (self.f1 / (-3L)));
char v12 = ((char) (await(Entry.created(log, Outcomes.future(log, 9, String.valueOf(false))))).length());
Box v14 = new Box(new Box(self.f0, "t15").v, ("" + false + 'r'));
}
else {
log.add("t17 " + 1L);
float v18 = 3.0e38f;
}
self.f0++;
}
while (++i2 < 3);
}
}
else {
if ((true && log.entries().size() % 3 == 0)) throw new FuzzUnchecked("t20 " + ((byte) ((int) await(Outcomes.minimal(log, 12, self.f0)))));
{
int i22 = 0;
l21: do {
self.f1--;
try {
if ("t23".equals(("" + Long.MIN_VALUE + ((byte) 66)))) break l21;
log.add("t25 " + ((char) 7));
self.f0++;
}
catch (FuzzUnchecked e26) {
String e26m = e26.getClass().getSimpleName() + ":" + e26.getMessage();
log.add("t28 " + e26m + Probe.suppressed(e26));
{
if (((((char) await(Outcomes.future(log, 13, (char) ('v')))) <= 'v') && (true || false))) break l21;
self.f2 = ((short) (((int) await(Outcomes.future(log, 14, ((int) (31.125))))) * new Box(1, "b").v));
self.f1 += ((Long.MAX_VALUE ^ self.f1) + (((long) await(Outcomes.future(log, 15, self.f1))) & Long.MAX_VALUE));
Integer v27 = (false ? Integer.valueOf(-112) : Integer.valueOf(((-1200393583) - (-1))));
}
if (false) { Probe.suppress(e26, new FuzzChecked("t29")); throw e26; }
}
catch (RuntimeException e30) {
String e30m = e30.getClass().getSimpleName() + ":" + e30.getMessage();
log.add("t32 " + e30m + Probe.suppressed(e30));
{
self.f0 = ((int) await(Outcomes.handWritten(log, 17, (((int) await(Outcomes.stage(log, 16, i22))) ^ new Box(self.f0, e30m).v))));
}
}
Box v33 = new Box(((await(Outcomes.future(log, 18, new int[] {(-662646712), Integer.MIN_VALUE, self.f0, i22}))))[(7 & i22) & 3], java.util.Arrays.toString(new int[] {(1889652165), i22, ((int) await(Outcomes.future(log, 19, self.f0))), self.f0}));
}
while (++i22 < 0);
}
if (((boolean) await(Outcomes.handWritten(log, 27, (false || (((boolean) await(Outcomes.future(log, 26, (((int) await(Outcomes.future(log, 25, 7))) >= self.f0)))) || !true)))))) {
if (((boolean) await(Outcomes.minimal(log, 21, ("" + (self.f0 >> self.f0) + Integer.valueOf(((int) await(Outcomes.minimal(log, 20, self.f0))))).equals("t38"))))) {
log.add("t35 " + ((byte) 11));
}
int v39 = (1 / (((boolean) await(Outcomes.future(log, 22, ('f' == 'u')))) ? 100 : "t40".length()));
}
else {
int[] v41 = (await(Entry.relay(log, Outcomes.future(log, 23, new int[] {1, 2, 3, 4}))));
float v42 = ((((float) await(Outcomes.future(log, 24, (float) (((float) self.f0))))) * (1.5f / (-0.75f))) - ((float) new Box(4, "b").v));
}
}
log.add("t44 " + ((int) await(self.m1(log, depth, new Box(self.f0, "t45"), ((short) 1542)))));
return Task.completed(((int) await(Entry.relay(log, Outcomes.future(log, 30, self.f0)))));
}

@Async private Task<Integer> m1(Log log, int depth, Box a0, short a1) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.PRIVATE_INSTANCE_METHOD);
{
int i47 = 0;
l46: do {
if ((String.valueOf(1).equals((await(Outcomes.handWritten(log, 68, java.util.Arrays.toString(new int[] {1, 2, 3, 4}))))) || false)) {
{
int i49 = 0;
l48: while (i49++ < 0) {
short v50 = ((short) f0);
log.add("t51 " + ((double) await(Outcomes.stage(log, 32, ((double) ((int) await(Inline.call((java.util.concurrent.Callable<Task<Integer>>) () -> {
Integer r = ((int) await(Outcomes.future(log, 31, f0)));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t52 lambda " + r + " " + Probe.task(log));
return Task.completed(r);
}))))))));
}
}
double v53 = 0.0;
try {
f1--;
if ((((char) await(Entry.created(log, Outcomes.future(log, 42, (char) (((char) this.f0)))))) == ((char) await(Entry.relay(log, Outcomes.future(log, 44, (char) (((char) ((int) await(Outcomes.future(log, 43, (f0 % 7)))))))))))) {
short v54 = ((short) await(Entry.relay(log, Outcomes.future(log, 33, (short) (((short) -14668))))));
long v55 = ((long) (await(Entry.created(log, Outcomes.future(log, 34, new Box(0, "b"))))).v);
f1 = ((long) await(Outcomes.handWritten(log, 35, Long.MIN_VALUE)));
}
else {
log.add("t56 " + ((((float) await(Outcomes.stage(log, 37, (float) ((0.0f + ((float) await(Outcomes.future(log, 36, (float) (3.0e38f))))))))) - ((-0.75f) + 0.0f)) + ((float) await(Outcomes.future(log, 41, (float) ((((float) await(Outcomes.minimal(log, 39, (float) ((((float) await(Outcomes.handWritten(log, 38, (float) ((-0.75f))))) / (-0.75f)))))) + (((float) await(Outcomes.minimal(log, 40, (float) (1.5f)))) * 0.0f))))))));
}
byte v57 = ((byte) -94);
}
catch (IllegalStateException e58) {
String e58m = e58.getClass().getSimpleName() + ":" + e58.getMessage();
log.add("t60 " + e58m + Probe.suppressed(e58));
{
if (true) continue l46;
Integer v59 = (await(Outcomes.minimal(log, 45, Integer.valueOf(f0))));
v59 = Integer.valueOf((((int) await(Entry.relay(log, Outcomes.future(log, 46, f0)))) / (await(Entry.created(log, Outcomes.future(log, 47, a0)))).v));
}
}
catch (Exception e61) {
String e61m = e61.getClass().getSimpleName() + ":" + e61.getMessage();
log.add("t70 " + e61m + Probe.suppressed(e61));
{
log.add("t62 " + Probe.task(log));
if (((boolean) await(Outcomes.future(log, 66, (((boolean) await(Outcomes.future(log, 62, (((long) await(Outcomes.future(log, 61, (((long) await(Outcomes.future(log, 60, Long.MAX_VALUE))) % this.f1)))) <= this.f1)))) || ((boolean) await(Outcomes.handWritten(log, 65, ((await(Outcomes.future(log, 63, Integer.valueOf(53)))).intValue() != ((int) await(Outcomes.handWritten(log, 64, f0)))))))))))) {
v53 = ((double) ((int) await(Outcomes.handWritten(log, 49, ((false ? ((int) await(Outcomes.future(log, 48, this.f0))) : 7) & 7)))));
if (true) continue l46;
if (!(false || !true)) {
f0 += ((int) await(Outcomes.minimal(log, 50, f0)));
}
else {
log.add("t63 " + (((boolean) await(Outcomes.stage(log, 58, (await(Entry.relay(log, Outcomes.future(log, 55, java.util.Arrays.toString((await(Outcomes.stage(log, 54, new int[] {1, 2, 3, 4})))))))).equals((await(Outcomes.minimal(log, 57, (await(Outcomes.minimal(log, 56, new Box(0, "b")))).toString()))))))) ? ((true && ((boolean) await(Outcomes.minimal(log, 52, true)))) ? (((boolean) await(Outcomes.future(log, 51, false))) ? Integer.valueOf(-146) : Integer.valueOf(-112)) : Integer.valueOf(78)) : (await(Entry.relay(log, Outcomes.future(log, 53, (!false ? Integer.valueOf(7) : Integer.valueOf(this.f0))))))));
if (true) break l46;
}
if ((((boolean) await(Inline.call((java.util.concurrent.Callable<Task<Boolean>>) () -> {
Boolean r = ((boolean) await(Entry.created(log, Outcomes.future(log, 59, false))));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t66 lambda " + r + " " + Probe.task(log));
return Task.completed(r);
}))) && log.entries().size() % 3 == 2)) throw new FuzzChecked("t67");
}
else {
log.add("t68 " + (50.375));
if (true) continue l46;
}
if ((((boolean) await(Outcomes.handWritten(log, 67, false))) && log.entries().size() % 3 == 0)) throw new FuzzChecked("t69");
if (false) break l46;
}
}
}
{
int i74 = 0;
l73: do {
double v75 = ((double) await(Outcomes.stage(log, 69, (-2.25))));
log.add("t76 " + (1.5f - ((float) await(Entry.created(log, Outcomes.future(log, 70, (float) (1.5f)))))));
this.f0 = (depth > 0 ? ((int) await(this.m1(log, depth - 1, new Box(i47, "t77"), ((short) await(Entry.relay(log, Outcomes.future(log, 71, (short) (((short) 0))))))))) : 0);
if ((false && log.entries().size() % 3 == 0)) throw new FuzzUnchecked("t78 " + ((short) i74));
}
while (++i74 < 0);
}
}
while (++i47 < 0);
}
return Task.completed((depth > 0 ? ((int) await(m1(log, depth - 1, new Box(7, "t79"), ((short) (-1))))) : 100));
}

}
}

final class S {
static final class P28 {
int f0 = 0;
long f1 = Long.MAX_VALUE;
short f2 = ((short) 4857);

static Integer m0(Log log, int depth) throws Exception {
P28 self = new P28();
log.add("t0 " + false);
if ((Integer.MAX_VALUE >= ("" + (Outcomes.now(log, 28, new Box(8, "b"))) + ((float) Outcomes.now(log, 29, (float) ((-0.75f))))).length())) {
{
int i2 = 0;
l1: do {
{
int i4 = 0;
l3: while (i4++ < 3) {
log.add("t5 " + ((float) i4));
short v6 = ((short) -25444);
char v7 = ((char) Outcomes.now(log, 0, (char) ('n')));
}
}
{
int i9 = 0;
l8: do {
long v10 = (((long) Outcomes.now(log, 1, self.f1)) - (((long) Outcomes.now(log, 2, ((-3L) | (-3L)))) | (((long) Outcomes.now(log, 3, self.f1)) * 0L)));
if ((new Box(3, "b").v == ((int) Outcomes.now(log, 4, ((int) 1.5))))) continue l8;
}
while (++i9 < 0);
}
if ((((long) Inline.call((java.util.concurrent.Callable<Long>) () -> {
Long r = ((long) Outcomes.now(log, 11, (self.f1 & ((long) Outcomes.now(log, 10, Long.MIN_VALUE)))));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t19 lambda " + r + " " + Probe.TASK);
return r;
})) >= (-7969726719467554463L))) {
short v11 = ((short) Outcomes.now(log, 8, (short) (((short) ((int) Outcomes.now(log, 7, ((((int) Outcomes.now(log, 5, 7)) << (1107275224)) | (Outcomes.now(log, 6, new Box(5, "b"))).v)))))));
self.f1 += ((9204040167999055750L) % (self.f1 / (-3L)));
char v12 = ((char) (Outcomes.now(log, 9, String.valueOf(false))).length());
Box v14 = new Box(new Box(self.f0, "t15").v, ("" + false + 'r'));
}
else {
log.add("t17 " + 1L);
float v18 = 3.0e38f;
}
self.f0++;
}
while (++i2 < 3);
}
}
else {
if ((true && log.entries().size() % 3 == 0)) throw new FuzzUnchecked("t20 " + ((byte) ((int) Outcomes.now(log, 12, self.f0))));
{
int i22 = 0;
l21: do {
self.f1--;
try {
if ("t23".equals(("" + Long.MIN_VALUE + ((byte) 66)))) break l21;
log.add("t25 " + ((char) 7));
self.f0++;
}
catch (FuzzUnchecked e26) {
String e26m = e26.getClass().getSimpleName() + ":" + e26.getMessage();
log.add("t28 " + e26m + Probe.suppressed(e26));
{
if (((((char) Outcomes.now(log, 13, (char) ('v'))) <= 'v') && (true || false))) break l21;
self.f2 = ((short) (((int) Outcomes.now(log, 14, ((int) (31.125)))) * new Box(1, "b").v));
self.f1 += ((Long.MAX_VALUE ^ self.f1) + (((long) Outcomes.now(log, 15, self.f1)) & Long.MAX_VALUE));
Integer v27 = (false ? Integer.valueOf(-112) : Integer.valueOf(((-1200393583) - (-1))));
}
if (false) { Probe.suppress(e26, new FuzzChecked("t29")); throw e26; }
}
catch (RuntimeException e30) {
String e30m = e30.getClass().getSimpleName() + ":" + e30.getMessage();
log.add("t32 " + e30m + Probe.suppressed(e30));
{
self.f0 = ((int) Outcomes.now(log, 17, (((int) Outcomes.now(log, 16, i22)) ^ new Box(self.f0, e30m).v)));
}
}
Box v33 = new Box(((Outcomes.now(log, 18, new int[] {(-662646712), Integer.MIN_VALUE, self.f0, i22})))[(7 & i22) & 3], java.util.Arrays.toString(new int[] {(1889652165), i22, ((int) Outcomes.now(log, 19, self.f0)), self.f0}));
}
while (++i22 < 0);
}
if (((boolean) Outcomes.now(log, 27, (false || (((boolean) Outcomes.now(log, 26, (((int) Outcomes.now(log, 25, 7)) >= self.f0))) || !true))))) {
if (((boolean) Outcomes.now(log, 21, ("" + (self.f0 >> self.f0) + Integer.valueOf(((int) Outcomes.now(log, 20, self.f0)))).equals("t38")))) {
log.add("t35 " + ((byte) 11));
}
int v39 = (1 / (((boolean) Outcomes.now(log, 22, ('f' == 'u'))) ? 100 : "t40".length()));
}
else {
int[] v41 = (Outcomes.now(log, 23, new int[] {1, 2, 3, 4}));
float v42 = ((((float) Outcomes.now(log, 24, (float) (((float) self.f0)))) * (1.5f / (-0.75f))) - ((float) new Box(4, "b").v));
}
}
log.add("t44 " + ((int) self.m1(log, depth, new Box(self.f0, "t45"), ((short) 1542))));
return ((int) Outcomes.now(log, 30, self.f0));
}

private Integer m1(Log log, int depth, Box a0, short a1) throws Exception {
log.reached(Feature.INSTANCE_METHOD, Feature.PRIVATE_INSTANCE_METHOD);
{
int i47 = 0;
l46: do {
if ((String.valueOf(1).equals((Outcomes.now(log, 68, java.util.Arrays.toString(new int[] {1, 2, 3, 4})))) || false)) {
{
int i49 = 0;
l48: while (i49++ < 0) {
short v50 = ((short) f0);
log.add("t51 " + ((double) Outcomes.now(log, 32, ((double) ((int) Inline.call((java.util.concurrent.Callable<Integer>) () -> {
Integer r = ((int) Outcomes.now(log, 31, f0));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t52 lambda " + r + " " + Probe.TASK);
return r;
}))))));
}
}
double v53 = 0.0;
try {
f1--;
if ((((char) Outcomes.now(log, 42, (char) (((char) this.f0)))) == ((char) Outcomes.now(log, 44, (char) (((char) ((int) Outcomes.now(log, 43, (f0 % 7))))))))) {
short v54 = ((short) Outcomes.now(log, 33, (short) (((short) -14668))));
long v55 = ((long) (Outcomes.now(log, 34, new Box(0, "b"))).v);
f1 = ((long) Outcomes.now(log, 35, Long.MIN_VALUE));
}
else {
log.add("t56 " + ((((float) Outcomes.now(log, 37, (float) ((0.0f + ((float) Outcomes.now(log, 36, (float) (3.0e38f))))))) - ((-0.75f) + 0.0f)) + ((float) Outcomes.now(log, 41, (float) ((((float) Outcomes.now(log, 39, (float) ((((float) Outcomes.now(log, 38, (float) ((-0.75f)))) / (-0.75f))))) + (((float) Outcomes.now(log, 40, (float) (1.5f))) * 0.0f)))))));
}
byte v57 = ((byte) -94);
}
catch (IllegalStateException e58) {
String e58m = e58.getClass().getSimpleName() + ":" + e58.getMessage();
log.add("t60 " + e58m + Probe.suppressed(e58));
{
if (true) continue l46;
Integer v59 = (Outcomes.now(log, 45, Integer.valueOf(f0)));
v59 = Integer.valueOf((((int) Outcomes.now(log, 46, f0)) / (Outcomes.now(log, 47, a0)).v));
}
}
catch (Exception e61) {
String e61m = e61.getClass().getSimpleName() + ":" + e61.getMessage();
log.add("t70 " + e61m + Probe.suppressed(e61));
{
log.add("t62 " + Probe.TASK);
if (((boolean) Outcomes.now(log, 66, (((boolean) Outcomes.now(log, 62, (((long) Outcomes.now(log, 61, (((long) Outcomes.now(log, 60, Long.MAX_VALUE)) % this.f1))) <= this.f1))) || ((boolean) Outcomes.now(log, 65, ((Outcomes.now(log, 63, Integer.valueOf(53))).intValue() != ((int) Outcomes.now(log, 64, f0))))))))) {
v53 = ((double) ((int) Outcomes.now(log, 49, ((false ? ((int) Outcomes.now(log, 48, this.f0)) : 7) & 7))));
if (true) continue l46;
if (!(false || !true)) {
f0 += ((int) Outcomes.now(log, 50, f0));
}
else {
log.add("t63 " + (((boolean) Outcomes.now(log, 58, (Outcomes.now(log, 55, java.util.Arrays.toString((Outcomes.now(log, 54, new int[] {1, 2, 3, 4}))))).equals((Outcomes.now(log, 57, (Outcomes.now(log, 56, new Box(0, "b"))).toString()))))) ? ((true && ((boolean) Outcomes.now(log, 52, true))) ? (((boolean) Outcomes.now(log, 51, false)) ? Integer.valueOf(-146) : Integer.valueOf(-112)) : Integer.valueOf(78)) : (Outcomes.now(log, 53, (!false ? Integer.valueOf(7) : Integer.valueOf(this.f0))))));
if (true) break l46;
}
if ((((boolean) Inline.call((java.util.concurrent.Callable<Boolean>) () -> {
Boolean r = ((boolean) Outcomes.now(log, 59, false));
log.reached(Feature.AWAITING_LAMBDA);
log.add("t66 lambda " + r + " " + Probe.TASK);
return r;
})) && log.entries().size() % 3 == 2)) throw new FuzzChecked("t67");
}
else {
log.add("t68 " + (50.375));
if (true) continue l46;
}
if ((((boolean) Outcomes.now(log, 67, false)) && log.entries().size() % 3 == 0)) throw new FuzzChecked("t69");
if (false) break l46;
}
}
}
{
int i74 = 0;
l73: do {
double v75 = ((double) Outcomes.now(log, 69, (-2.25)));
log.add("t76 " + (1.5f - ((float) Outcomes.now(log, 70, (float) (1.5f)))));
this.f0 = (depth > 0 ? ((int) this.m1(log, depth - 1, new Box(i47, "t77"), ((short) Outcomes.now(log, 71, (short) (((short) 0)))))) : 0);
if ((false && log.entries().size() % 3 == 0)) throw new FuzzUnchecked("t78 " + ((short) i74));
}
while (++i74 < 0);
}
}
while (++i47 < 0);
}
return (depth > 0 ? ((int) m1(log, depth - 1, new Box(7, "t79"), ((short) (-1)))) : 100);
}

}
}
