package org.jasyncio.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid, terminating programs from a seed. A program is a nested class
 * {@code Pn} of methods {@code m0..mk}: {@code m0(log, depth)} is the entry, {@code mi} calls
 * only {@code mj} with {@code j > i}, or itself with a smaller {@code depth}; loops have
 * constant trip counts and loop counters are never assigned. Every await site gets a number
 * the {@link org.jasyncio.fuzz.program.Log} uses to decide its outcome in both twins.
 */
final class Generator {

    private static final Ty[] TYPES = Ty.values();
    private static final Ty[] RETURNS = {Ty.INT, Ty.LONG, Ty.STRING, Ty.BOOLEAN, Ty.DOUBLE, Ty.BOX, Ty.CHAR, Ty.ARRAY};
    /** Types whose string form is deterministic (an array's would show its identity hash). */
    private static final Ty[] PRINTABLE = {Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.FLOAT, Ty.SHORT, Ty.BYTE, Ty.CHAR, Ty.BOOLEAN,
            Ty.STRING, Ty.BOX};
    private static final Ty[] PRINTABLE_RETURNS = {Ty.INT, Ty.LONG, Ty.STRING, Ty.BOOLEAN, Ty.DOUBLE, Ty.BOX, Ty.CHAR};
    private static final String[] INT_OPS = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "+", "-", "*"};
    private static final String[] FLOAT_OPS = {"+", "-", "*", "/"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};
    private static final String[][] CATCHES = {
            {"FuzzUnchecked", "ArithmeticException", "IllegalStateException"}, {"RuntimeException"}, {"Exception"}};

    private record Var(String name, Ty type, boolean mutable) {
    }

    private record Signature(String name, Ty returns, List<Ty> params) {
    }

    private final Random random;
    private final List<Var> scope = new ArrayList<>();
    private final List<String> loopLabels = new ArrayList<>();
    private List<Signature> methods;
    private int current;
    private int names;
    private int sites;
    private int budget;

    private Generator(long seed) {
        this.random = new Random(seed);
    }

    /** The program of class {@code className} for {@code seed}: a node rendering the nested class in either twin. */
    static Node program(String className, long seed) {
        return new Generator(seed).program(className);
    }

    private Node program(String className) {
        int count = 1 + random.nextInt(3);
        methods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Ty> params = new ArrayList<>();
            int arity = i == 0 ? 0 : random.nextInt(4);
            for (int p = 0; p < arity; p++) {
                params.add(pick(TYPES));
            }
            methods.add(new Signature("m" + i, pick(RETURNS), params));
        }
        StringBuilder template = new StringBuilder("static final class " + className + " {\n");
        List<Node> kids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            template.append('#').append(i).append('\n');
            current = i;
            kids.add(method(methods.get(i)));
        }
        template.append("}\n");
        return new Node(template.toString(), template.toString(), kids);
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
        String head = signature.name() + "(" + params + ") throws Exception {\n";
        Node body = block(0);
        Node result = expr(signature.returns(), 0);
        return Node.twin("@Async static Task<" + signature.returns().boxed + "> " + head + "#0"
                        + "return Task.completed(#1);\n}\n",
                "static " + signature.returns().boxed + " " + head + "#0return #1;\n}\n", body, result);
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
        int roll = random.nextInt(nesting >= 3 ? 60 : 100);
        if (roll < 14) {
            return declaration().orSimpler(empty);
        }
        if (roll < 26) {
            return Node.text("log.add(\"" + tag() + " \" + #0);\n", expr(pick(PRINTABLE), 0)).orSimpler(empty);
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
            return tryStatement(nesting).orSimpler(empty);
        }
        return Node.text("log.add(\"" + tag() + " \" + #0);\n", call(pick(PRINTABLE_RETURNS))).orSimpler(empty);
    }

    private Node declaration() {
        Ty type = pick(TYPES);
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
                    : Node.text(target.name() + ".s = #0;\n", expr(Ty.STRING, 1));
        }
        if ((target.type().isArithmetic() || target.type() == Ty.STRING) && roll == 2) {
            return Node.text(target.name() + " += #0;\n", expr(target.type(), 1));
        }
        if (target.type().isNumeric() && roll == 3) {
            return Node.text(target.name() + (random.nextBoolean() ? "++;\n" : "--;\n"));
        }
        return Node.text(target.name() + " = #0;\n", expr(target.type(), 0));
    }

    private Node earlyExit() {
        // Most exits are skipped at run time, so that the code after them runs too.
        Node condition = Node.text("(#0 && log.entries().size() % 3 == " + random.nextInt(3) + ")", expr(Ty.BOOLEAN, 1));
        return switch (random.nextInt(3)) {
            case 0 -> Node.text("if (#0) throw new FuzzUnchecked(\"" + tag() + " \" + #1);\n", condition,
                    expr(pick(PRINTABLE), 1));
            case 1 -> Node.text("if (#0) throw new FuzzChecked(\"" + tag() + "\");\n", condition);
            default -> Node.twin("if (#0) return Task.completed(#1);\n", "if (#0) return #1;\n", condition,
                    expr(methods.get(current).returns(), 1));
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

    private Node tryStatement(int nesting) {
        List<Node> kids = new ArrayList<>();
        kids.add(braced(nesting));
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
                    .append(".getMessage();\nlog.add(\"").append(tag()).append(" \" + ").append(name).append("m);\n#")
                    .append(kids.size()).append("}\n");
            kids.add(handler);
        }
        if (kids.size() == 1 || random.nextBoolean()) {
            template.append("finally #").append(kids.size());
            kids.add(braced(nesting));
        }
        return new Node(template.toString(), template.toString(), kids).orSimpler(kids.get(0));
    }

    // ---- expressions -----------------------------------------------------------------------

    private Node expr(Ty type, int depth) {
        Node plain = plainExpr(type, depth);
        if (random.nextInt(100) < 22) {
            return await(type, plain);
        }
        return plain;
    }

    private Node await(Ty type, Node value) {
        int site = sites++;
        boolean stage = random.nextInt(3) == 0;
        String argument = type.isPrimitive() && type != Ty.INT && type != Ty.LONG && type != Ty.DOUBLE
                && type != Ty.BOOLEAN ? "(" + type.java + ") (#0)" : "#0";
        String cast = type.isPrimitive() ? "(" + type.java + ") " : "";
        return Node.twin("(" + cast + "await(Outcomes." + (stage ? "stage" : "future") + "(log, " + site + ", "
                        + argument + ")))",
                "(" + cast + "Outcomes.now(log, " + site + ", " + argument + "))", value).orSimpler(value);
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
                return switch (random.nextInt(9)) {
                    case 0 -> Node.text("((int) #0)", expr(pick(Ty.LONG, Ty.DOUBLE, Ty.FLOAT, Ty.CHAR), depth));
                    case 1 -> Node.text("#0.length()", expr(Ty.STRING, depth));
                    case 2 -> Node.text("(#0)[#1 & 3]", expr(Ty.ARRAY, depth), expr(Ty.INT, depth));
                    case 3 -> Node.text("#0.v", expr(Ty.BOX, depth));
                    case 4 -> ternary(type, depth);
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
                return switch (random.nextInt(6)) {
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
                    case 0 -> Node.text("String.valueOf(#0)", expr(pick(PRINTABLE), depth));
                    case 1 -> Node.text("java.util.Arrays.toString(#0)", expr(Ty.ARRAY, depth));
                    case 2 -> Node.text("#0.toString()", expr(Ty.BOX, depth));
                    default -> Node.text("(\"\" + #0 + #1)", expr(pick(PRINTABLE), depth), expr(pick(PRINTABLE), depth));
                };
            }
            case ARRAY -> {
                return Node.text("new int[] {#0, #1, #2, #3}", expr(Ty.INT, depth), expr(Ty.INT, depth),
                        expr(Ty.INT, depth), expr(Ty.INT, depth));
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

    /** A call of a later method, or of this one with a smaller depth. */
    private Node call(Ty wanted) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = current; i < methods.size(); i++) {
            if (methods.get(i).returns() == wanted) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return literal(wanted);
        }
        int target = candidates.get(random.nextInt(candidates.size()));
        Signature callee = methods.get(target);
        List<Node> args = new ArrayList<>();
        StringBuilder argTemplate = new StringBuilder("log, depth" + (target == current ? " - 1" : ""));
        for (Ty param : callee.params()) {
            argTemplate.append(", #").append(args.size());
            args.add(expr(param, 2));
        }
        String cast = wanted.isPrimitive() ? "(" + wanted.java + ") " : "";
        String async = "(" + cast + "await(" + callee.name() + "(" + argTemplate + ")))";
        String sync = "(" + cast + callee.name() + "(" + argTemplate + "))";
        Node call = new Node(async, sync, args);
        if (target == current) {
            Node fallback = literal(wanted);
            args.add(fallback);
            String guard = "(depth > 0 ? %s : #" + (args.size() - 1) + ")";
            call = new Node(String.format(guard, async), String.format(guard, sync), args);
        }
        return call;
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
