package org.jasyncio.fuzz.program;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jasyncio.CancelledException;
import org.jasyncio.Task;

/**
 * The observable side effects of one run of one program, and the decisions that make both
 * twins see the same outcomes: the n-th evaluation of await site k gets the same value or
 * failure in the reference and in the async twin, because both run the same statements in
 * the same order. A fuel limit keeps every program short; running out is itself a
 * deterministic failure.
 *
 * <p>A cancellation is one more decision: the reference throws {@link CancelledException}
 * at the await itself; the async twin suspends there (on a future that never completes, or
 * completes just before the cancellation) and the program's task is cancelled (see
 * {@link #root}), which cancels its whole chain of awaited tasks down to that await, so the
 * same await throws.
 */
public final class Log {

    private static final int FUEL = 4000;

    private final List<String> entries = new ArrayList<>();
    private final Map<Integer, Integer> occurrences = new HashMap<>();
    private final Set<Feature> reached = EnumSet.noneOf(Feature.class);
    private final Schedule schedule;
    private final long seed;
    private int spent;
    private Task<?> root;

    public Log(Schedule schedule, long seed) {
        this.schedule = schedule;
        this.seed = seed;
    }

    /** Records a side effect. */
    public void add(String entry) {
        burn();
        entries.add(entry);
    }

    public List<String> entries() {
        return entries;
    }

    void burn() {
        if (++spent > FUEL) {
            throw new FuzzUnchecked("out of fuel");
        }
    }

    /** The decision for the next evaluation of {@code site}. */
    long nextHash(int site) {
        int n = occurrences.merge(site, 1, Integer::sum);
        long h = seed * 0x9E3779B97F4A7C15L + site * 0xC2B2AE3D27D4EB4FL + n * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }

    Schedule schedule() {
        return schedule;
    }

    /** Records that generated code reached {@code features}; no side effect on the trace. */
    public void reached(Feature... features) {
        reached.addAll(List.of(features));
    }

    public Set<Feature> reached() {
        return reached;
    }

    /** The program's own task, which the async twin's cancellations cancel. */
    public void root(Task<?> task) {
        root = task;
    }

    Task<?> root() {
        return root;
    }

    /** The cancellation the decision asks for (before any failure: it wins), or {@code null}. */
    CancelledException cancellation(int site, long hash) {
        return schedule.cancels(hash) ? new CancelledException("cancel " + occurrence(site)) : null;
    }

    /**
     * The failure the decision asks for, or {@code null}: made by whoever fails the awaited thing
     * (the program itself, a loop callback, another thread), so that its stack trace starts there.
     */
    Supplier<Exception> failure(int site, long hash) {
        if (!schedule.fails(hash)) {
            return null;
        }
        String message = occurrence(site);
        return switch ((int) Math.floorMod(hash >>> 40, 4L)) {
            case 0 -> () -> new FuzzChecked(message);
            case 1 -> () -> new FuzzUnchecked(message);
            case 2 -> () -> new IllegalStateException(message);
            default -> () -> new ArithmeticException(message);
        };
    }

    /**
     * The log of the {@code index}-th of several concurrent calls started at {@code site}: its own
     * entries, fuel and decisions (derived from this evaluation of the site), so that its trace does
     * not depend on how the calls interleave. {@link #join} brings its trace back.
     */
    Log fork(long siteHash, int index) {
        return new Log(schedule, siteHash + index * 0xD6E8FEB86659FD93L);
    }

    /** Appends the trace of fork {@code index}, which ended with {@code outcome}, and what it reached. */
    void join(Log fork, int index, String outcome) {
        for (String entry : fork.entries) {
            entries.add("fork " + index + ": " + entry);
        }
        entries.add("fork " + index + ": " + outcome);
        reached.addAll(fork.reached);
    }

    private String occurrence(int site) {
        return "site " + site + " #" + occurrences.get(site);
    }
}
