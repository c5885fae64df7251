package org.jasyncio.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jasyncio.fuzz.program.Feature;

/**
 * Generates random, valid, terminating programs from a seed. A program is a nested class
 * {@code Pn} of methods {@code m0..mk}: {@code m0(log, depth)} is the static entry, {@code mi}
 * calls only {@code mj} with {@code j > i}, or itself with a smaller {@code depth}; loops have
 * constant trip counts and loop counters are never assigned. Every await site gets a number
 * the {@link org.jasyncio.fuzz.program.Log} uses to decide its outcome in both twins.
 *
 * <p>Besides static methods, a program may have instance methods (some private) that read and
 * write the fields of {@code Pn} across awaits, called on {@code this} or on the {@code self}
 * object each static method makes; generic methods {@code <T> Task<T> mi(Log, int, T a0, ...)},
 * some with {@code T extends Comparable<T>}; and one method of a generic class
 * {@code H<T>} holding a {@code T}. Generic code is called with boxed primitives, strings and
 * boxes for {@code T} (values whose string form is deterministic), and passes its own
 * {@code T} on. A method may also end with {@code return mj(...)}, so that its task adopts
 * the callee's. Every method but the entry reports its kind ({@code log.reached}).
 *
 * <p>Methods may also be default methods of an interface {@code D} nested in {@code Pn} (called on
 * a new {@code O implements D}). Await sites await every kind of awaitable (see
 * {@link #AWAITABLES}); statements may show {@code currentTask()} ({@code Probe.task}), and may run
 * a later static method as several concurrent tasks ({@code Forks}), mostly through a lambda that
 * awaits. Handlers show a failure's suppressed exceptions and, passing it on, may add one.
 * The twins' templates hold the same number of lines, so that stack frames compare line for line.
 */
final class Generator {

    private static final Ty[] TYPES = {Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.FLOAT, Ty.SHORT, Ty.BYTE, Ty.CHAR, Ty.BOOLEAN,
            Ty.STRING, Ty.ARRAY, Ty.BOX, Ty.INTEGER};
    private static final Ty[] RETURNS = {Ty.INT, Ty.LONG, Ty.STRING, Ty.BOOLEAN, Ty.DOUBLE, Ty.BOX, Ty.CHAR, Ty.ARRAY,
            Ty.INTEGER};
    /** Types whose string form is deterministic (an array's would show its identity hash); also what a T may be. */
    private static final Ty[] PRINTABLE = {Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.FLOAT, Ty.SHORT, Ty.BYTE, Ty.CHAR, Ty.BOOLEAN,
            Ty.STRING, Ty.BOX, Ty.INTEGER};
    private static final Ty[] PRINTABLE_IN_GENERIC = Stream.concat(Stream.of(PRINTABLE), Stream.of(Ty.T))
            .toArray(Ty[]::new);
    private static final Ty[] PRINTABLE_RETURNS = {Ty.INT, Ty.LONG, Ty.STRING, Ty.BOOLEAN, Ty.DOUBLE, Ty.BOX, Ty.CHAR,
            Ty.INTEGER};
    private static final String[] INT_OPS = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "+", "-", "*"};
    private static final String[] FLOAT_OPS = {"+", "-", "*", "/"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};
    /** One catch per group at most, in this order; the first group's last two also catch a cancellation. */
    private static final String[][] CATCHES = {
            {"FuzzUnchecked", "ArithmeticException", "IllegalStateException", "CancelledException"},
            {"RuntimeException"}, {"Exception"}};
    /**
     * What an await site awaits, around the {@code Outcomes} arguments: a loop future (most often),
     * a {@code CompletableFuture}, its minimal stage, a hand-written stage, the task of an
     * {@code @Async} call, a task made by {@code createTask}.
     */
    private static final String[] AWAITABLES = {"Outcomes.future%s", "Outcomes.future%s", "Outcomes.future%s",
            "Outcomes.stage%s", "Outcomes.stage%s", "Outcomes.minimal%s", "Outcomes.handWritten%s",
            "Entry.relay(log, Outcomes.future%s)", "Entry.created(log, Outcomes.future%s)"};
    private static final String HOLDER = "H";
    private static final String INTERFACE = "D";
    /** The class implementing {@link #INTERFACE}: a program calls default methods on a new one. */
    private static final String IMPLEMENTATION = "O";

    private record Var(String name, Ty type, boolean mutable) {
    }

    /**
     * Where a method lives: {@code Pn} (static or instance), the generic class {@code H<T>}, or the
     * interface {@code D} that {@code Pn} implements (a default method).
     */
    private enum Kind {
        STATIC, INSTANCE, HOLDER, DEFAULT
    }

    /**
     * @param generic {@link Ty#T} is in scope: the method's own type variable, or the holder's
     * @param bounded that type variable is {@code T extends Comparable<T>}
     */
    private record Signature(String name, Ty returns, List<Ty> params, Kind kind, boolean isPrivate, boolean generic,
                             boolean bounded) {
    }

    private final Random random;
    private final List<Var> scope = new ArrayList<>();
    private final List<String> loopLabels = new ArrayList<>();
    private final List<Var> fields = new ArrayList<>();
    /** For each method, the later methods its body calls at its top level. */
    private final List<List<Integer>> callsFrom = new ArrayList<>();
    private String className;
    private List<Signature> methods;
    private int current;
    private int names;
    private int sites;
    private int budget;

    private Generator(long seed) {
        // Random's first draws barely differ between neighbouring seeds (a campaign's seeds are
        // consecutive), so that every program had the same number of methods: mix first (SplitMix64).
        long mixed = (seed ^ (seed >>> 30)) * 0xBF58476D1CE4E5B9L;
        mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
        this.random = new Random(mixed ^ (mixed >>> 31));
    }

    /** The program of class {@code className} for {@code seed}: a node rendering the nested class in either twin. */
    static Node program(String className, long seed) {
        return new Generator(seed).program(className);
    }

    private Node program(String className) {
        this.className = className;
        int count = 1 + random.nextInt(4);
        methods = new ArrayList<>();
        boolean holder = false;
        for (int i = 0; i < count; i++) {
            methods.add(signature(i, holder));
            holder |= methods.get(i).kind() == Kind.HOLDER;
            callsFrom.add(new ArrayList<>());
            if (i > 0) {
                // Every method has a caller that calls it unconditionally, unless an early exit comes first.
                callsFrom.get(random.nextInt(i)).add(i);
            }
        }
        StringBuilder template = new StringBuilder("static final class " + className + " {\n");
        List<Node> kids = new ArrayList<>();
        if (methods.stream().anyMatch(m -> m.kind() == Kind.INSTANCE)) {
            for (int f = 1 + random.nextInt(3); f > 0; f--) {
                Var field = new Var("f" + fields.size(), pick(TYPES), true);
                fields.add(field);
                template.append(field.type().java).append(' ').append(field.name()).append(" = #").append(kids.size())
                        .append(";\n");
                kids.add(literal(field.type()));
            }
            template.append('\n');
        }
        String holderClass = "";
        StringBuilder defaults = new StringBuilder();
        for (int i = 0; i < count; i++) {
            current = i;
            Signature signature = methods.get(i);
            if (signature.kind() == Kind.HOLDER) {
                holderClass = "static final class " + HOLDER + "<T" + (signature.bounded() ? " extends Comparable<T>" : "")
                        + "> {\nT held;\n\n" + HOLDER + "(T held) {\nthis.held = held;\n}\n\n#" + kids.size() + "}\n";
            } else if (signature.kind() == Kind.DEFAULT) {
                defaults.append('#').append(kids.size()).append('\n');
            } else {
                template.append('#').append(kids.size()).append('\n');
            }
            kids.add(method(signature));
        }
        if (!defaults.isEmpty()) {
            template.append("interface ").append(INTERFACE).append(" {\n").append(defaults).append("}\n\nstatic final class ")
                    .append(IMPLEMENTATION).append(" implements ").append(INTERFACE).append(" {\n}\n");
        }
        template.append(holderClass).append("}\n");
        return new Node(template.toString(), template.toString(), kids);
    }

    private Signature signature(int index, boolean holderTaken) {
        if (index == 0) {
            return new Signature("m0", pick(RETURNS), List.of(), Kind.STATIC, false, false, false);
        }
        int roll = random.nextInt(100);
        Kind kind = roll < 30 ? Kind.INSTANCE : roll < 50 && !holderTaken ? Kind.HOLDER
                : roll < 62 ? Kind.DEFAULT : Kind.STATIC;
        boolean generic = kind == Kind.HOLDER || random.nextInt(100) < 35;
        boolean bounded = generic && random.nextInt(3) == 0;
        List<Ty> params = new ArrayList<>();
        if (generic) {
            params.add(Ty.T);
        }
        for (int p = random.nextInt(generic ? 3 : 4); p > 0; p--) {
            params.add(generic && random.nextInt(3) == 0 ? Ty.T : pick(TYPES));
        }
        return new Signature("m" + index, generic ? Ty.T : pick(RETURNS), params, kind,
                kind != Kind.HOLDER && kind != Kind.DEFAULT && random.nextInt(3) == 0, generic, bounded);
    }

    private Node method(Signature signature) {
        scope.clear();
        loopLabels.clear();
        budget = 12 + random.nextInt(30);
        StringBuilder params = new StringBuilder("Log log, int depth");
        for (int p = 0; p < signature.params().size(); p++) {
            Ty type = signature.params().get(p);
            params.append(", ").append(type.java).append(" a").append(p);
            scope.add(new Var("a" + p, type, true));
        }
        StringBuilder prologue = new StringBuilder();
        List<Feature> reached = new ArrayList<>();
        switch (signature.kind()) {
            case INSTANCE -> {
                reached.add(Feature.INSTANCE_METHOD);
                if (signature.isPrivate()) {
                    reached.add(Feature.PRIVATE_INSTANCE_METHOD);
                }
                for (Var field : fields) {
                    scope.add(new Var("this." + field.name(), field.type(), true));
                    scope.add(field);
                }
            }
            case DEFAULT -> reached.add(Feature.INTERFACE_DEFAULT_METHOD);
            case HOLDER -> {
                reached.add(Feature.GENERIC_CLASS);
                scope.add(new Var("this.held", Ty.T, true));
                scope.add(new Var("held", Ty.T, true));
            }
            case STATIC -> {
                if (!fields.isEmpty()) {
                    prologue.append(className).append(" self = new ").append(className).append("();\n");
                    for (Var field : fields) {
                        scope.add(new Var("self." + field.name(), field.type(), true));
                    }
                }
            }
        }
        if (signature.generic() && signature.kind() != Kind.HOLDER) {
            reached.add(signature.bounded() ? Feature.BOUNDED_GENERIC_METHOD : Feature.GENERIC_METHOD);
        }
        if (!reached.isEmpty()) {
            prologue.append("log.reached(").append(String.join(", ", reached.stream().map(f -> "Feature." + f).toList()))
                    .append(");\n");
        }
        String modifiers = (signature.isPrivate() ? "private " : "") + (signature.kind() == Kind.STATIC ? "static " : "")
                + (signature.kind() == Kind.DEFAULT ? "default " : "")
                + (signature.generic() && signature.kind() != Kind.HOLDER
                        ? signature.bounded() ? "<T extends Comparable<T>> " : "<T> " : "");
        String head = signature.name() + "(" + params + ") throws Exception {\n" + prologue;
        Node body = withCalls(block(0), callsFrom.get(current));
        if (random.nextInt(4) == 0) {
            // A whole body in a try: failures and cancellations are often handled, and the method returns after.
            body = tryStatement(Node.text("{\n#0}\n", body), 0);
        }
        String type = signature.returns().boxed;
        Node adopted = random.nextInt(5) == 0 ? call(signature.returns(), true) : null;
        if (adopted != null) {
            String end = "#0log.reached(Feature.RETURNED_A_CALL);\nreturn #1;\n}\n";
            return Node.twin("@Async " + modifiers + "Task<" + type + "> " + head + end, modifiers + type + " " + head + end,
                    body, adopted);
        }
        Node result = expr(signature.returns(), 0);
        return Node.twin("@Async " + modifiers + "Task<" + type + "> " + head + "#0return Task.completed(#1);\n}\n",
                modifiers + type + " " + head + "#0return #1;\n}\n", body, result);
    }

    /** {@code body} with a statement calling each of {@code targets} at a random place among its statements. */
    private Node withCalls(Node body, List<Integer> targets) {
        List<Node> statements = new ArrayList<>(body.kids);
        for (int target : targets) {
            Signature callee = methods.get(target);
            Ty wanted = callee.generic() ? typeArgument(callee) : callee.returns();
            String shown = wanted == Ty.ARRAY ? "java.util.Arrays.toString(#0)" : "#0";
            statements.add(random.nextInt(statements.size() + 1),
                    Node.text("log.add(\"" + tag() + " \" + " + shown + ");\n", call(target, wanted, false))
                            .orSimpler(Node.text("")));
        }
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            template.append('#').append(i);
        }
        return new Node(template.toString(), template.toString(), statements);
    }

    /** A type to call generic {@code callee} with: the caller's own {@code T} now and then, else a printable one. */
    private Ty typeArgument(Signature callee) {
        if (here().generic() && instantiable(callee, Ty.T) && random.nextInt(3) == 0) {
            return Ty.T;
        }
        List<Ty> fitting = Stream.of(PRINTABLE).filter(type -> instantiable(callee, type)).toList();
        return fitting.get(random.nextInt(fitting.size()));
    }

    private Signature here() {
        return methods.get(current);
    }

    private Ty[] printable() {
        return here().generic() ? PRINTABLE_IN_GENERIC : PRINTABLE;
    }

    // ---- statements ------------------------------------------------------------------------

    private Node block(int nesting) {
        int mark = scope.size();
        int count = 1 + random.nextInt(nesting == 0 ? 6 : 4);
        List<Node> statements = new ArrayList<>();
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < count && budget > 0; i++) {
            template.append('#').append(i);
            statements.add(statement(nesting));
        }
        truncateScope(mark);
        return new Node(template.toString(), template.toString(), statements);
    }

    private Node braced(int nesting) {
        return Node.text("{\n#0}\n", block(nesting + 1));
    }

    private Node statement(int nesting) {
        budget--;
        Node empty = Node.text("");
        int observe = random.nextInt(100);
        if (observe < 4) {
            // The task the code runs as: the program's own, after any await as before it.
            String head = "log.add(\"" + tag() + " \" + ";
            return Node.twin(head + "Probe.task(log));\n", head + "Probe.TASK);\n").orSimpler(empty);
        }
        Node concurrent = observe < 12 && nesting < 2 ? concurrentCalls() : null;
        if (concurrent != null) {
            return concurrent.orSimpler(empty);
        }
        int roll = random.nextInt(nesting >= 3 ? 60 : 100);
        if (roll < 14) {
            return declaration().orSimpler(empty);
        }
        if (roll < 26) {
            return Node.text("log.add(\"" + tag() + " \" + #0);\n", expr(pick(printable()), 0)).orSimpler(empty);
        }
        if (roll < 38) {
            Node assignment = assignment();
            return assignment == null ? declaration().orSimpler(empty) : assignment.orSimpler(empty);
        }
        if (roll < 44) {
            return earlyExit().orSimpler(empty);
        }
        if (roll < 52 && !loopLabels.isEmpty()) {
            String label = loopLabels.get(random.nextInt(loopLabels.size()));
            return Node.text("if (#0) " + (random.nextBoolean() ? "break " : "continue ") + label + ";\n",
                    expr(Ty.BOOLEAN, 1)).orSimpler(empty);
        }
        if (roll < 60) {
            Node then = braced(nesting);
            if (random.nextBoolean()) {
                Node otherwise = braced(nesting);
                return Node.text("if (#0) #1else #2", expr(Ty.BOOLEAN, 0), then, otherwise)
                        .orSimpler(empty, then, otherwise);
            }
            return Node.text("if (#0) #1", expr(Ty.BOOLEAN, 0), then).orSimpler(empty, then);
        }
        if (roll < 72) {
            return loop(nesting).orSimpler(empty);
        }
        if (roll < 79) {
            return switchStatement(nesting).orSimpler(empty);
        }
        if (roll < 90) {
            return tryStatement(braced(nesting), nesting).orSimpler(empty);
        }
        return Node.text("log.add(\"" + tag() + " \" + #0);\n", call(pick(PRINTABLE_RETURNS))).orSimpler(empty);
    }

    /**
     * Two or three tasks running one later static method at once ({@link
     * org.jasyncio.fuzz.program.Forks}), each with its own arguments (constants and its index) and
     * log; two in three through a lambda that awaits the call. {@code null} if there is no such method.
     */
    private Node concurrentCalls() {
        List<Integer> candidates = new ArrayList<>();
        for (int i = current + 1; i < methods.size(); i++) {
            Signature callee = methods.get(i);
            if (callee.kind() == Kind.STATIC && (callee.generic() || callee.returns() != Ty.ARRAY)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        Signature callee = methods.get(candidates.get(random.nextInt(candidates.size())));
        List<Ty> fitting = Stream.of(PRINTABLE).filter(type -> instantiable(callee, type)).toList();
        Ty result = callee.generic() ? fitting.get(random.nextInt(fitting.size())) : callee.returns();
        StringBuilder call = new StringBuilder(callee.name()).append("(k, depth");
        for (Ty param : callee.params()) {
            Ty type = param == Ty.T ? result : param;
            String constant = literal(type).render(true);
            call.append(", ").append(type == Ty.INT ? "(i + " + constant + ")" : constant);
        }
        call.append(')');
        String head = "log.add(\"" + tag() + " \" + ";
        String fork = ", " + sites++ + ", " + (2 + random.nextInt(2)) + ", (k, i) -> ";
        if (random.nextInt(3) == 0) {
            return Node.twin(head + "await(Forks.start(log" + fork + call + ")));\n",
                    head + "Forks.now(log" + fork + call + "));\n");
        }
        Node lambda = awaitingLambdaBody(result, "k", Node.twin("await(" + call + ")", call.toString()));
        return Node.twin(head + "await(Forks.start(log" + fork + "#0)));\n", head + "Forks.now(log" + fork + "#0));\n",
                lambda);
    }

    private Node declaration() {
        Ty type = here().generic() && random.nextInt(3) == 0 ? Ty.T : pick(TYPES);
        String name = "v" + names++;
        Node init = expr(type, 0);
        scope.add(new Var(name, type, true));
        return Node.text(type.java + " " + name + " = #0;\n", init);
    }

    private Node assignment() {
        List<Var> mutable = scope.stream().filter(Var::mutable).toList();
        if (mutable.isEmpty()) {
            return null;
        }
        Var target = mutable.get(random.nextInt(mutable.size()));
        int roll = random.nextInt(4);
        if (target.type() == Ty.ARRAY && roll < 2) {
            return Node.text(target.name() + "[#0 & 3] = #1;\n", expr(Ty.INT, 1), expr(Ty.INT, 1));
        }
        if (target.type() == Ty.BOX && roll < 2) {
            return random.nextBoolean()
                    ? Node.text(target.name() + ".v += #0;\n", expr(Ty.INT, 1))
                    : Node.text(target.name() + ".s = #0;" + bounded(target.name() + ".s") + "\n", expr(Ty.STRING, 1));
        }
        String bounded = target.type() == Ty.STRING ? bounded(target.name()) : "";
        if ((target.type().isArithmetic() || target.type() == Ty.STRING) && roll == 2) {
            return Node.text(target.name() + " += #0;" + bounded + "\n", expr(target.type(), 1));
        }
        if (target.type().isNumeric() && roll == 3) {
            return Node.text(target.name() + (random.nextBoolean() ? "++;\n" : "--;\n"));
        }
        return Node.text(target.name() + " = #0;" + bounded + "\n", expr(target.type(), 0));
    }

    /**
     * The statement that keeps string {@code target} short after a store ({@link Bounded}), on the
     * store's line: a program that doubles a string in a loop would otherwise exhaust the heap.
     */
    private static String bounded(String target) {
        return " " + target + " = Bounded.text(" + target + ");";
    }

    private Node earlyExit() {
        // Most exits are skipped at run time, so that the code after them runs too.
        Node condition = Node.text("(#0 && log.entries().size() % 3 == " + random.nextInt(3) + ")", expr(Ty.BOOLEAN, 1));
        return switch (random.nextInt(3)) {
            case 0 -> Node.text("if (#0) throw new FuzzUnchecked(\"" + tag() + " \" + #1);\n", condition,
                    expr(pick(printable()), 1));
            case 1 -> Node.text("if (#0) throw new FuzzChecked(\"" + tag() + "\");\n", condition);
            default -> Node.twin("if (#0) return Task.completed(#1);\n", "if (#0) return #1;\n", condition,
                    expr(here().returns(), 1));
        };
    }

    private Node loop(int nesting) {
        String label = "l" + names++;
        String counter = "i" + names++;
        int trips = random.nextInt(4);
        int mark = scope.size();
        scope.add(new Var(counter, Ty.INT, false));
        loopLabels.add(label);
        Node body = braced(nesting);
        loopLabels.remove(loopLabels.size() - 1);
        truncateScope(mark);
        return switch (random.nextInt(3)) {
            case 0 -> Node.text(label + ": for (int " + counter + " = 0; " + counter + " < " + trips + "; " + counter
                    + "++) #0", body);
            case 1 -> Node.text("{\nint " + counter + " = 0;\n" + label + ": while (" + counter + "++ < " + trips
                    + ") #0}\n", body);
            default -> Node.text("{\nint " + counter + " = 0;\n" + label + ": do #0while (++" + counter + " < "
                    + trips + ");\n}\n", body);
        };
    }

    private Node switchStatement(int nesting) {
        int cases = 1 + random.nextInt(3);
        StringBuilder template = new StringBuilder("switch (#0 & 3) {\n");
        List<Node> kids = new ArrayList<>();
        kids.add(expr(Ty.INT, 0));
        for (int c = 0; c < cases; c++) {
            template.append(c == cases - 1 && random.nextBoolean() ? "default" : "case " + c).append(": #")
                    .append(kids.size()).append(random.nextInt(4) == 0 ? "" : "break;\n");
            kids.add(braced(nesting));
        }
        template.append("}\n");
        return new Node(template.toString(), template.toString(), kids);
    }

    private Node tryStatement(Node body, int nesting) {
        List<Node> kids = new ArrayList<>();
        kids.add(body);
        StringBuilder template = new StringBuilder("try #0");
        for (String[] group : CATCHES) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            String type = group[random.nextInt(group.length)];
            String name = "e" + names++;
            int mark = scope.size();
            scope.add(new Var(name + "m", Ty.STRING, false));
            Node handler = braced(nesting);
            truncateScope(mark);
            template.append("catch (").append(type).append(' ').append(name).append(") {\nString ").append(name)
                    .append("m = ").append(name).append(".getClass().getSimpleName() + \":\" + ").append(name)
                    .append(".getMessage();\nlog.add(\"").append(tag()).append(" \" + ").append(name)
                    .append("m + Probe.suppressed(").append(name).append("));\n#").append(kids.size());
            kids.add(handler);
            if (random.nextInt(4) == 0) {
                // Handled, then passed on: a cancellation (or a failure) runs several handlers on its way up,
                // a failure sometimes with one more suppressed exception.
                String suppress = random.nextBoolean() ? ""
                        : "Probe.suppress(" + name + ", new FuzzChecked(\"" + tag() + "\")); ";
                template.append("if (#").append(kids.size()).append(") { ").append(suppress).append("throw ")
                        .append(name).append("; }\n");
                kids.add(expr(Ty.BOOLEAN, 1));
            }
            template.append("}\n");
        }
        if (kids.size() == 1 || random.nextBoolean()) {
            // The finally says it ran, so that a trace shows every finally a cancellation passed through.
            template.append("finally {\nlog.add(\"").append(tag()).append(" finally\");\n#").append(kids.size())
                    .append("}\n");
            kids.add(block(nesting + 1));
        }
        return new Node(template.toString(), template.toString(), kids).orSimpler(kids.get(0));
    }

    // ---- expressions -----------------------------------------------------------------------

    private Node expr(Ty type, int depth) {
        if (depth < 2 && random.nextInt(100) < 3) {
            Node lambda = awaitingLambda(type, depth);
            if (lambda != null) {
                return lambda;
            }
        }
        Node plain = plainExpr(type, depth);
        if (random.nextInt(100) < 22) {
            return await(type, plain);
        }
        return plain;
    }

    /**
     * A lambda whose functional interface method returns a {@code Task}, so an {@code @Async}
     * body, awaiting in its value; called at once and its task awaited. The reference twin
     * calls a {@code Callable} of the plain value (both may throw what the value throws); both
     * call through {@code Inline.call}, on the line of the {@code await}, so that the caller's
     * frame shows that line in either twin. The lambda sees only what Java lets it capture: fields, and {@code self}, never a local that
     * the method may assign; {@code null} in a generic method where it would see no {@code T}
     * (a {@code T} has no literal).
     */
    private Node awaitingLambda(Ty type, int depth) {
        List<Var> outer = new ArrayList<>(scope);
        List<Var> capturable = outer.stream()
                .filter(var -> var.name().contains(".") || fields.contains(var) || var.name().equals("held")).toList();
        if (here().generic() && capturable.stream().noneMatch(var -> var.type() == Ty.T)) {
            return null;
        }
        scope.clear();
        scope.addAll(capturable);
        Node value = await(type, plainExpr(type, depth + 1));
        scope.clear();
        scope.addAll(outer);
        String cast = type.isPrimitive() ? "(" + type.java + ") " : "";
        String callable = "(java.util.concurrent.Callable<";
        return Node.twin("(" + cast + "await(Inline.call(" + callable + "Task<" + type.boxed + ">>) () -> #0)))",
                "(" + cast + "Inline.call(" + callable + type.boxed + ">) () -> #0))", awaitingLambdaBody(type, "log", value))
                .orSimpler(value);
    }

    /**
     * The block of a lambda whose functional interface method returns a {@code Task} (so an
     * {@code @Async} body) awaiting in {@code value}, and the reference's block with the plain
     * value: it says that it ran and which task it runs as, on {@code log}, and returns the value.
     */
    private Node awaitingLambdaBody(Ty type, String log, Node value) {
        String shown = type == Ty.ARRAY ? "java.util.Arrays.toString(r)" : "r";
        String head = "{\n" + type.boxed + " r = #0;\n" + log + ".reached(Feature.AWAITING_LAMBDA);\n" + log + ".add(\""
                + tag() + " lambda \" + " + shown + " + \" \" + ";
        return Node.twin(head + "Probe.task(" + log + "));\nreturn Task.completed(r);\n}",
                head + "Probe.TASK);\nreturn r;\n}", value);
    }

    private Node await(Ty type, Node value) {
        int site = sites++;
        String argument = type.isPrimitive() && type != Ty.INT && type != Ty.LONG && type != Ty.DOUBLE
                && type != Ty.BOOLEAN ? "(" + type.java + ") (#0)" : "#0";
        String outcome = "(log, " + site + ", " + argument + ")";
        String cast = type.isPrimitive() ? "(" + type.java + ") " : "";
        return Node.twin("(" + cast + "await(" + pick(AWAITABLES).formatted(outcome) + "))",
                "(" + cast + "Outcomes.now" + outcome + ")", value).orSimpler(value);
    }

    private Node plainExpr(Ty type, int depth) {
        Node literal = literal(type);
        if (depth >= 3 || random.nextInt(4) == 0) {
            Var var = variable(type);
            return var != null && random.nextBoolean() ? Node.text(var.name()).orSimpler(literal) : literal;
        }
        if (random.nextInt(12) == 0 && depth < 2) {
            return call(type).orSimpler(literal);
        }
        Node composite = composite(type, depth + 1);
        return composite.orSimpler(literal);
    }

    private Node composite(Ty type, int depth) {
        switch (type) {
            case INT -> {
                return switch (random.nextInt(10)) {
                    case 0 -> Node.text("((int) #0)", expr(pick(Ty.LONG, Ty.DOUBLE, Ty.FLOAT, Ty.CHAR), depth));
                    case 1 -> Node.text("#0.length()", expr(Ty.STRING, depth));
                    case 2 -> Node.text("(#0)[#1 & 3]", expr(Ty.ARRAY, depth), expr(Ty.INT, depth));
                    case 3 -> Node.text("#0.v", expr(Ty.BOX, depth));
                    case 4 -> ternary(type, depth);
                    case 5 -> Node.text("#0.intValue()", expr(Ty.INTEGER, depth));
                    case 6 -> here().bounded()
                            ? Node.text("Integer.signum(#0.compareTo(#1))", expr(Ty.T, depth), expr(Ty.T, depth))
                            : binary(type, pick(INT_OPS), depth);
                    default -> binary(type, pick(INT_OPS), depth);
                };
            }
            case LONG -> {
                return random.nextInt(4) == 0 ? Node.text("((long) #0)", expr(Ty.INT, depth))
                        : binary(type, pick(INT_OPS), depth);
            }
            case DOUBLE, FLOAT -> {
                return random.nextInt(4) == 0 ? Node.text("((" + type.java + ") #0)", expr(Ty.INT, depth))
                        : binary(type, pick(FLOAT_OPS), depth);
            }
            case SHORT, BYTE, CHAR -> {
                return Node.text("((" + type.java + ") #0)", expr(Ty.INT, depth));
            }
            case BOOLEAN -> {
                return switch (random.nextInt(here().generic() ? 7 : 6)) {
                    case 6 -> Node.text("java.util.Objects.equals(#0, #1)", expr(Ty.T, depth), expr(Ty.T, depth));
                    case 0 -> Node.text("(#0 && #1)", expr(Ty.BOOLEAN, depth), expr(Ty.BOOLEAN, depth));
                    case 1 -> Node.text("(#0 || #1)", expr(Ty.BOOLEAN, depth), expr(Ty.BOOLEAN, depth));
                    case 2 -> Node.text("!#0", expr(Ty.BOOLEAN, depth));
                    case 3 -> Node.text("#0.equals(#1)", expr(Ty.STRING, depth), expr(Ty.STRING, depth));
                    default -> {
                        Ty operand = pick(Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.CHAR, Ty.INT);
                        yield Node.text("(#0 " + pick(COMPARISONS) + " #1)", expr(operand, depth), expr(operand, depth));
                    }
                };
            }
            case STRING -> {
                return switch (random.nextInt(5)) {
                    case 0 -> Node.text("String.valueOf(#0)", expr(pick(printable()), depth));
                    case 1 -> Node.text("java.util.Arrays.toString(#0)", expr(Ty.ARRAY, depth));
                    case 2 -> Node.text("#0.toString()", expr(Ty.BOX, depth));
                    default -> Node.text("(\"\" + #0 + #1)", expr(pick(printable()), depth),
                            expr(pick(printable()), depth));
                };
            }
            case ARRAY -> {
                return Node.text("new int[] {#0, #1, #2, #3}", expr(Ty.INT, depth), expr(Ty.INT, depth),
                        expr(Ty.INT, depth), expr(Ty.INT, depth));
            }
            case INTEGER -> {
                return random.nextBoolean() ? Node.text("Integer.valueOf(#0)", expr(Ty.INT, depth)) : ternary(type, depth);
            }
            case T -> {
                // A T has no literal: it comes from a variable, an await, a call or a choice between two.
                return ternary(type, depth);
            }
            default -> {
                return Node.text("new Box(#0, #1)", expr(Ty.INT, depth), expr(Ty.STRING, depth));
            }
        }
    }

    private Node binary(Ty type, String op, int depth) {
        Node left = expr(type, depth);
        Node right = expr(type, depth);
        return Node.text("(#0 " + op + " #1)", left, right).orSimpler(left, right);
    }

    private Node ternary(Ty type, int depth) {
        Node yes = expr(type, depth);
        Node no = expr(type, depth);
        return Node.text("(#0 ? #1 : #2)", expr(Ty.BOOLEAN, depth), yes, no).orSimpler(yes, no);
    }

    /**
     * A call of a later method, or of this one with a smaller depth, awaited. A generic callee
     * returns {@code wanted}: its {@code T} is {@code wanted} boxed (or the caller's own {@code T}).
     */
    private Node call(Ty wanted) {
        return call(wanted, false);
    }

    /**
     * As {@link #call(Ty)}; {@code adopted}: the call's task itself, not awaited, for a
     * {@code return} (the caller's task then completes as the callee's does), or {@code null}
     * if no method returns {@code wanted}.
     */
    private Node call(Ty wanted, boolean adopted) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = current; i < methods.size(); i++) {
            Signature callee = methods.get(i);
            if (callee.generic() ? instantiable(callee, wanted) : callee.returns() == wanted) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return adopted ? null : literal(wanted);
        }
        return call(candidates.get(random.nextInt(candidates.size())), wanted, adopted);
    }

    private Node call(int target, Ty wanted, boolean adopted) {
        Signature callee = methods.get(target);
        String typeArgument = wanted.boxed;
        List<Node> args = new ArrayList<>();
        String receiver = switch (callee.kind()) {
            case STATIC -> callee.generic() && random.nextInt(3) == 0 ? className + ".<" + typeArgument + ">" : "";
            case INSTANCE, DEFAULT -> {
                String object = callee.kind() == Kind.DEFAULT
                        ? here().kind() == Kind.DEFAULT && random.nextBoolean() ? "this." : "new " + IMPLEMENTATION + "()."
                        : switch (here().kind()) {
                            case INSTANCE -> random.nextBoolean() ? "this." : "";
                            case STATIC -> "self.";
                            case HOLDER, DEFAULT -> "new " + className + "().";
                        };
                yield callee.generic() && !object.isEmpty() && random.nextInt(3) == 0
                        ? object + "<" + typeArgument + ">" : object;
            }
            case HOLDER -> {
                if (target == current && wanted == Ty.T) {
                    yield "this.";
                }
                args.add(expr(wanted, 2));
                yield "new " + HOLDER + "<" + typeArgument + ">(#0).";
            }
        };
        StringBuilder argTemplate = new StringBuilder("log, depth" + (target == current ? " - 1" : ""));
        for (Ty param : callee.params()) {
            argTemplate.append(", #").append(args.size());
            args.add(expr(param == Ty.T ? wanted : param, 2));
        }
        String cast = wanted.isPrimitive() ? "(" + wanted.java + ") " : "";
        String invocation = receiver + callee.name() + "(" + argTemplate + ")";
        String async = adopted ? invocation : "(" + cast + "await(" + invocation + "))";
        String sync = adopted ? invocation : "(" + cast + invocation + ")";
        Node call = new Node(async, sync, args);
        if (target == current) {
            Node fallback = literal(wanted);
            args.add(fallback);
            String last = "#" + (args.size() - 1);
            call = new Node("(depth > 0 ? " + async + " : " + (adopted ? "Task.completed(" + last + ")" : last) + ")",
                    "(depth > 0 ? " + sync + " : " + last + ")", args);
        }
        return adopted ? call.orSimpler(Node.twin("Task.completed(#0)", "#0", literal(wanted))) : call;
    }

    /** Whether generic {@code callee} may be called for a {@code wanted}: T must be printable, and comparable if bounded. */
    private boolean instantiable(Signature callee, Ty wanted) {
        if (wanted == Ty.T) {
            return !callee.bounded() || here().bounded();
        }
        return wanted != Ty.ARRAY && (!callee.bounded() || wanted.isComparable());
    }

    private Node literal(Ty type) {
        return Node.text(switch (type) {
            case INT -> pick("0", "1", "(-1)", "2", "7", "100", "Integer.MAX_VALUE", "Integer.MIN_VALUE",
                    "(" + random.nextInt() + ")");
            case LONG -> pick("0L", "1L", "(-3L)", "Long.MAX_VALUE", "Long.MIN_VALUE", "(" + random.nextLong() + "L)");
            case DOUBLE -> pick("0.0", "1.5", "(-2.25)", "1e300", "(" + random.nextInt(1000) / 8.0 + ")");
            case FLOAT -> pick("0.0f", "1.5f", "(-0.75f)", "3.0e38f");
            case SHORT -> "((short) " + (random.nextInt(65536) - 32768) + ")";
            case BYTE -> "((byte) " + (random.nextInt(256) - 128) + ")";
            case CHAR -> "'" + (char) ('a' + random.nextInt(26)) + "'";
            case BOOLEAN -> random.nextBoolean() ? "true" : "false";
            case STRING -> "\"" + tag() + "\"";
            case ARRAY -> "new int[] {1, 2, 3, 4}";
            case BOX -> "new Box(" + random.nextInt(10) + ", \"b\")";
            case INTEGER -> "Integer.valueOf(" + (random.nextInt(300) - 150) + ")";
            case T -> {
                Var some = variable(Ty.T);
                yield some.name();
            }
        });
    }

    private Var variable(Ty type) {
        List<Var> matching = scope.stream().filter(v -> v.type() == type).toList();
        return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
    }

    private String tag() {
        return "t" + names++;
    }

    private void truncateScope(int size) {
        while (scope.size() > size) {
            scope.remove(scope.size() - 1);
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
