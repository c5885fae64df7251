package org.jasyncio.fuzz;

/**
 * The types generated code computes with: every primitive, strings, arrays, objects, a boxed
 * integer, and {@code T}, the type variable of a generic method or class (only inside one).
 */
enum Ty {
    INT("int", "Integer"), LONG("long", "Long"), DOUBLE("double", "Double"), FLOAT("float", "Float"),
    SHORT("short", "Short"), BYTE("byte", "Byte"), CHAR("char", "Character"), BOOLEAN("boolean", "Boolean"),
    STRING("String", "String"), ARRAY("int[]", "int[]"), BOX("Box", "Box"), INTEGER("Integer", "Integer"),
    T("T", "T");

    final String java;
    final String boxed;

    Ty(String java, String boxed) {
        this.java = java;
        this.boxed = boxed;
    }

    boolean isPrimitive() {
        return ordinal() <= BOOLEAN.ordinal();
    }

    boolean isNumeric() {
        return ordinal() < BOOLEAN.ordinal();
    }

    /** Values of this type may stand for a {@code T extends Comparable<T>}. */
    boolean isComparable() {
        return this != ARRAY && this != BOX && this != T;
    }

    /** {@code +=}, {@code ++} and the like apply. */
    boolean isArithmetic() {
        return this == INT || this == LONG || this == DOUBLE || this == FLOAT;
    }
}
