package org.jasyncio.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ways in which the async twin may differ from its reference that are not divergences, each with
 * its justification (docs/fuzzing.md, "Known divergences"). A line of the async trace that differs
 * from the reference's only in one of these ways does not make the program a divergence (the rest
 * of the trace is still compared): the campaign counts them apart and keeps one shrunk example of
 * each under {@code known-divergences/}, which {@code KnownDivergencesTest} replays. Should a
 * change make an example pass, that test fails: move the example to {@code regressions/} and
 * delete the constant.
 */
enum KnownDivergence {

    /**
     * A method that returns another {@code @Async} call's task before it ever suspended hands back
     * that very task ({@code Coroutine.complete} with no coroutine: the call has no task of its own,
     * and keeps none, so that the common case costs nothing), so the failure of that task never
     * passes a frame of the returning method, as in asyncio a plain function that returns another
     * coroutine leaves no frame in its traceback. The synchronous twin shows the call at the
     * {@code return}. Matches only when the async twin's frames are the reference's without some
     * frames at the lines of such {@code return}s, and nothing else differs.
     */
    HANDED_OVER;

    /** What a generated program's return of another call's task follows (see {@code Generator}). */
    private static final String RETURNED_A_CALL = "log.reached(Feature.RETURNED_A_CALL);";
    private static final String FRAMES = " at [";

    /**
     * The known way in which trace line {@code actual} differs from the reference's {@code expected},
     * if any.
     *
     * @param handOvers the lines of the unit's {@code return}s of another call's task ({@link #handOvers})
     */
    static Optional<KnownDivergence> of(String expected, String actual, Set<Integer> handOvers) {
        int frames = expected.indexOf(FRAMES);
        if (frames < 0 || frames != actual.indexOf(FRAMES) || !expected.substring(0, frames).equals(actual.substring(0, frames))
                || !afterFrames(expected, frames).equals(afterFrames(actual, frames))) {
            return Optional.empty();
        }
        return withoutHandOvers(frameList(expected, frames), frameList(actual, frames), handOvers)
                ? Optional.of(HANDED_OVER) : Optional.empty();
    }

    /**
     * The lines of the async twins' {@code return}s of another call's task in {@code unit} (the
     * generated source, both twins): from the {@code return} to the end of its method.
     */
    static Set<Integer> handOvers(String unit) {
        String[] lines = unit.substring(0, Math.max(unit.indexOf("final class S {"), 0)).split("\n", -1);
        Set<Integer> found = new TreeSet<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals(RETURNED_A_CALL)) {
                for (int at = i + 1; at < lines.length && !lines[at].equals("}"); at++) {
                    found.add(at + 1);
                }
            }
        }
        return found;
    }

    /** Whether {@code actual} is {@code expected} without one or more frames, all at hand-over lines. */
    private static boolean withoutHandOvers(List<String> expected, List<String> actual, Set<Integer> handOvers) {
        int matched = 0;
        for (String frame : expected) {
            if (matched < actual.size() && actual.get(matched).equals(frame)) {
                matched++;
            } else if (!handOvers.contains(lineOf(frame))) {
                return false;
            }
        }
        return matched == actual.size() && actual.size() < expected.size();
    }

    /** "P3.m0:41" shows line 41. */
    private static int lineOf(String frame) {
        return Integer.parseInt(frame.substring(frame.lastIndexOf(':') + 1));
    }

    /** The frames of the list that starts at {@code frames} (frames hold no {@code ']'}). */
    private static List<String> frameList(String line, int frames) {
        String list = line.substring(frames + FRAMES.length(), line.indexOf(']', frames));
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(", "));
    }

    /** What follows the frames list that starts at {@code frames}. */
    private static String afterFrames(String line, int frames) {
        return line.substring(line.indexOf(']', frames));
    }
}
