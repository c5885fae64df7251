package org.jasyncio.fuzz;

/** The types generated code computes with: every primitive, strings, arrays and objects. */
enum Ty {
    INT("int", "Integer"), LONG("long", "Long"), DOUBLE("double", "Double"), FLOAT("float", "Float"),
    SHORT("short", "Short"), BYTE("byte", "Byte"), CHAR("char", "Character"), BOOLEAN("boolean", "Boolean"),
    STRING("String", "String"), ARRAY("int[]", "int[]"), BOX("Box", "Box");

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

    /** {@code +=}, {@code ++} and the like apply. */
    boolean isArithmetic() {
        return this == INT || this == LONG || this == DOUBLE || this == FLOAT;
    }
}
