package org.jasyncio.fuzz;

import java.util.function.Predicate;

/**
 * Delta debugging on the program tree: replaces nodes by their simpler alternatives (a
 * statement by nothing or by its body, an expression by a literal or by an operand, an
 * {@code await(x)} by {@code x}) for as long as the program still fails the same way.
 * A replacement that no longer compiles simply does not reproduce and is undone.
 */
final class Shrinker {

    private final Predicate<Node> stillFails;
    private int budget;

    private Shrinker(Predicate<Node> stillFails, int budget) {
        this.stillFails = stillFails;
        this.budget = budget;
    }

    /** Shrinks {@code program} in place, trying at most {@code budget} candidates. */
    static void shrink(Node program, Predicate<Node> stillFails, int budget) {
        Shrinker shrinker = new Shrinker(stillFails, budget);
        boolean progress = true;
        while (progress && shrinker.budget > 0) {
            progress = shrinker.pass(program, program);
        }
    }

    private boolean pass(Node root, Node parent) {
        boolean progress = false;
        for (int i = 0; i < parent.kids.size() && budget > 0; i++) {
            Node kid = parent.kids.get(i);
            for (Node candidate : kid.simpler) {
                if (budget-- <= 0) {
                    break;
                }
                parent.kids.set(i, candidate);
                if (stillFails.test(root)) {
                    progress = true;
                    kid = candidate;
                    break;
                }
                parent.kids.set(i, kid);
            }
            progress |= pass(root, kid);
        }
        return progress;
    }
}
