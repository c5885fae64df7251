package org.jasyncio.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jasyncio.fuzz.program.Feature;

/**
 * A fuzzing run: {@code programs} random programs from {@code seed}, checked in batches
 * ({@link Differential}); each failure is shrunk and written to the regressions directory, and
 * the first program showing each {@link KnownDivergence} that has no example yet to the known
 * divergences' directory.
 *
 * <p>Batches are checked on {@code threads} worker threads (javac dominates; the programs' loops
 * run on threads of their own and mostly wait for timers and completer threads), and their
 * verdicts taken in batch order, so a seed gives the same programs and the same report whatever
 * the number of threads. Failures are shrunk on the calling thread while the workers go on.
 *
 * <p>{@code java org.jasyncio.fuzz.Campaign --seed S --programs N [--first F] [--batch B] [--threads T]
 * [--regressions DIR] [--known DIR]} checks programs {@code PF} to {@code P(F+N-1)} (so that one batch of
 * a run can be checked again alone) and prints how many programs reached each {@link Feature} and how many
 * showed each known divergence (and nothing else), then, as its last line,
 * {@code N programs, D divergences, V verify errors, S slow} (hangs and compiler crashes count as
 * divergences; known divergences do not; slow programs, which ended only when run alone, are
 * listed in the progress report).
 */
public final class Campaign {

    /**
     * The figures of a run.
     *
     * @param slow    programs that did not end with their batch in time but did alone, with the
     *                reference's trace ({@link Verdict.Kind#SLOW}): not failures, each one in the
     *                progress report with the time and CPU time of both runs
     * @param reached how many programs reached each feature (under some schedule)
     */
    public record Summary(int programs, int divergences, int verifyErrors, int slow, int invalid, List<Path> regressions,
                          Map<Feature, Integer> reached, Map<KnownDivergence, Integer> known) {
        @Override
        public String toString() {
            return programs + " programs, " + divergences + " divergences, " + verifyErrors + " verify errors, " + slow
                    + " slow";
        }
    }

    private static final int SHRINK_BUDGET = 400;
    /** A hang takes the alone timeout to confirm, so its shrinking tries fewer candidates. */
    private static final int HANG_SHRINK_BUDGET = 15;

    private final long seed;
    private final int batch;
    private final int threads;
    private final Path regressions;
    /** Where examples of known divergences go; {@code null}: none are kept (shrinking takes long). */
    private final Path knownExamples;
    private final PrintStream progress;

    public Campaign(long seed, int batch, int threads, Path regressions, Path knownExamples, PrintStream progress) {
        this.seed = seed;
        this.batch = batch;
        this.threads = threads;
        this.regressions = regressions;
        this.knownExamples = knownExamples;
        this.progress = progress;
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        int programs = 1000;
        int first = 0;
        int batch = 8;
        int threads = 1;
        Path regressions = Path.of("fuzz/src/test/resources/regressions");
        Path known = Path.of("fuzz/src/test/resources/known-divergences");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--programs" -> programs = Integer.parseInt(args[i + 1]);
                case "--first" -> first = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--regressions" -> regressions = Path.of(args[i + 1]);
                case "--known" -> known = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --seed S --programs N [--first F] [--batch B] [--threads T] [--regressions DIR]"
                        + " [--known DIR]");
            }
        }
        Summary summary = new Campaign(seed, batch, threads, regressions, known, System.err).run(first, programs);
        System.out.println("programs reaching each feature: " + summary.reached());
        System.out.println("programs showing each known divergence: " + summary.known());
        System.out.println(summary);
        System.exit(summary.divergences() + summary.verifyErrors() == 0 ? 0 : 1);
    }

    public Summary run(int programs) throws IOException {
        return run(0, programs);
    }

    /** Checks programs {@code P<first>} to {@code P<first + programs - 1>}: a run's batch again, on its own. */
    public Summary run(int first, int programs) throws IOException {
        int end = first + programs;
        int divergences = 0;
        int verifyErrors = 0;
        int slow = 0;
        int invalid = 0;
        List<Path> written = new ArrayList<>();
        Map<Feature, Integer> reached = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            reached.put(feature, 0);
        }
        Map<KnownDivergence, Integer> known = new EnumMap<>(KnownDivergence.class);
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(threads, work -> {
            Thread worker = new Thread(work, "fuzz-worker");
            worker.setDaemon(true);
            return worker;
        });
        Deque<Future<Checked>> inFlight = new ArrayDeque<>();
        int next = first;
        try {
            for (int from = first; from < end; from += batch) {
                for (; next < end && inFlight.size() < 2 * threads; next += batch) {
                    int batchFirst = next;
                    inFlight.add(workers.submit(() -> check(batchFirst, Math.min(end, batchFirst + batch))));
                }
                Checked checked = take(inFlight.removeFirst());
                List<Unit.Program> units = checked.units();
                List<Verdict> verdicts = checked.verdicts();
                for (int i = 0; i < verdicts.size(); i++) {
                    Verdict verdict = verdicts.get(i);
                    verdict.reached().forEach(feature -> reached.merge(feature, 1, Integer::sum));
                    if (verdict.kind() == Verdict.Kind.INVALID) {
                        invalid++;
                        progress.println("generator produced invalid Java (" + verdict.program() + "): " + verdict.detail());
                    } else if (verdict.failed()) {
                        if (verdict.kind() == Verdict.Kind.VERIFY_ERROR) {
                            verifyErrors++;
                        } else {
                            divergences++;
                        }
                        progress.println(verdict.kind() + " in program " + verdict.program() + " (seed " + seed + "): "
                                + verdict.detail());
                        written.add(shrinkAndWrite(units.get(i), shrunk -> shrunk.kind() == verdict.kind(), regressions,
                                verdict.kind().name().toLowerCase(),
                                verdict.kind() == Verdict.Kind.HANG ? HANG_SHRINK_BUDGET : SHRINK_BUDGET));
                    } else {
                        if (verdict.kind() == Verdict.Kind.SLOW) {
                            slow++;
                            progress.println("SLOW in program " + verdict.program() + " (seed " + seed + "): "
                                    + verdict.detail());
                        } else if (verdict.kind() == Verdict.Kind.KNOWN_DIVERGENCE) {
                            progress.println("known divergence in program " + verdict.program() + ": "
                                    + verdict.detail());
                        }
                        for (KnownDivergence divergence : verdict.known()) {
                            known.merge(divergence, 1, Integer::sum);
                            if (knownExamples != null && !hasExample(divergence)) {
                                shrinkAndWrite(units.get(i), shrunk -> shrunk.known().contains(divergence), knownExamples,
                                        divergence.name().toLowerCase(), SHRINK_BUDGET);
                            }
                        }
                    }
                }
                if (((from - first) / batch) % 25 == 24) {
                    progress.printf("%d programs in %.0f s%n", from - first + batch, (System.nanoTime() - started) / 1e9);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        if (invalid > 0) {
            progress.println(invalid + " generated programs were not valid Java and were skipped");
        }
        return new Summary(programs, divergences, verifyErrors, slow, invalid, written, reached, known);
    }

    /** The programs of one batch, and their verdicts. */
    private record Checked(List<Unit.Program> units, List<Verdict> verdicts) {
    }

    /** Generates programs {@code first} to {@code end} (exclusive) and checks them as one unit. */
    private Checked check(int first, int end) {
        List<Unit.Program> units = new ArrayList<>();
        for (int index = first; index < end; index++) {
            units.add(new Unit.Program("P" + index, Generator.program("P" + index, programSeed(index))));
        }
        return new Checked(units, Differential.check(Unit.render(units, ""),
                units.stream().map(Unit.Program::name).toList(), seed));
    }

    private static Checked take(Future<Checked> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch failed outside its programs", e.getCause());
        }
    }

    private long programSeed(int index) {
        return seed * 1_000_003L + index;
    }

    private boolean hasExample(KnownDivergence divergence) throws IOException {
        if (!Files.isDirectory(knownExamples)) {
            return false;
        }
        try (Stream<Path> files = Files.list(knownExamples)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(divergence.name().toLowerCase() + "-"));
        }
    }

    /**
     * Shrinks one program alone and writes, as {@code directory/prefix-seed-Pn.java}, the smallest
     * version whose verdict still shows {@code sameFinding}.
     */
    private Path shrinkAndWrite(Unit.Program program, Predicate<Verdict> sameFinding, Path directory, String prefix,
                                int budget) throws IOException {
        List<String> names = List.of(program.name());
        Shrinker.shrink(program.tree(), tree -> {
            List<Unit.Program> alone = List.of(new Unit.Program(program.name(), tree));
            return sameFinding.test(Differential.check(Unit.render(alone, ""), names, seed).get(0));
        }, budget);
        Verdict shrunk = Differential.check(Unit.render(List.of(program), ""), names, seed).get(0);
        String header = "// jasyncio fuzz regression: " + shrunk.kind() + " (" + shrunk.detail().replace('\n', ' ')
                + ")\n// found by: fuzz/run.sh --seed " + seed + ", program " + program.name() + "\n"
                + Regression.PLAN_SEED + seed + "\n";
        Files.createDirectories(directory);
        Path file = directory.resolve(prefix + "-" + seed + "-" + program.name() + ".java");
        Files.writeString(file, Unit.render(List.of(program), header));
        progress.println("shrunk to " + program.tree().size() + " nodes: " + file);
        return file;
    }
}
