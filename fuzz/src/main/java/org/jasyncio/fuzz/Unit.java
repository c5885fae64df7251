package org.jasyncio.fuzz;

import java.util.List;

/**
 * One compilation unit holding both twins of several programs: class {@code fz.A} has the
 * async twins ({@code @Async} methods awaiting), class {@code fz.S} the references (plain
 * methods evaluating the same outcomes synchronously); program {@code Pn} is the nested class
 * {@code A$Pn} in one and {@code S$Pn} in the other. Batching amortises javac.
 */
final class Unit {

    static final String ASYNC = "fz.A";
    static final String SYNC = "fz.S";

    private Unit() {
    }

    record Program(String name, Node tree) {
    }

    static String render(List<Program> programs, String header) {
        StringBuilder out = new StringBuilder(header);
        out.append("package fz;\n\n")
                .append("import static org.jasyncio.AsyncIO.await;\n\n")
                .append("import org.jasyncio.Async;\n")
                .append("import org.jasyncio.CancelledException;\n")
                .append("import org.jasyncio.Task;\n")
                .append("import org.jasyncio.fuzz.program.*;\n\n")
                .append("final class A {\n");
        for (Program program : programs) {
            out.append(program.tree().render(true));
        }
        out.append("}\n\nfinal class S {\n");
        for (Program program : programs) {
            out.append(program.tree().render(false));
        }
        return out.append("}\n").toString();
    }
}
