// jasyncio fuzz regression: a known divergence (REFUSED_DEAD_AWAITING_LAMBDA) until the compiler stopped refusing lambdas javac left dead:
// program P27 (seed 20240607): javac drops the code under a constant false condition, the lambda's
// creation (invokedynamic) with it, but keeps the lambda's body; the compiler then refuses
// "lambda$m0$0: await inside a lambda body" although Forks.AsyncCall.call returns Task (the plugin
// would fail the build).
// plan-seed: 7
package fz;

import static org.jasyncio.AsyncIO.await;

import org.jasyncio.Async;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;
import org.jasyncio.fuzz.program.*;

final class A {
static final class P0 {
static final boolean ENABLED = false;

@Async static Task<Integer> m0(Log log, int depth) throws Exception {
if (ENABLED) {
log.add("t0 " + await(Forks.start(log, 0, 2, (k, i) -> {
Integer r = await(Outcomes.future(k, 1, i));
return Task.completed(r);
})));
}
return Task.completed(1);
}
}
}

final class S {
static final class P0 {
static final boolean ENABLED = false;

static Integer m0(Log log, int depth) throws Exception {
if (ENABLED) {
log.add("t0 " + Forks.now(log, 0, 2, (k, i) -> {
Integer r = Outcomes.now(k, 1, i);
return r;
}));
}
return 1;
}
}
}
