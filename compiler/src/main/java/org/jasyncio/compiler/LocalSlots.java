package org.jasyncio.compiler;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * Hands out local variable slots past the ones a method already uses; the method's
 * {@code maxLocals} is the high-water mark, so every pass that needs a temporary asks here
 * and no two passes can pick the same slot.
 */
final class LocalSlots {

    private final MethodNode method;

    LocalSlots(MethodNode method) {
        this.method = method;
    }

    /** A slot (two for {@code long} and {@code double}) used by nothing else in the method. */
    int allocate(Type type) {
        int slot = method.maxLocals;
        method.maxLocals += type.getSize();
        return slot;
    }

    /**
     * Slots for temporaries that each site of one kind uses only while it runs, so that all
     * sites share the same slots: call {@link PerSite#nextSite()} before each site's first
     * allocation.
     */
    PerSite perSite() {
        return new PerSite(method.maxLocals);
    }

    /** A group of slots that every site reuses from the same first slot. */
    final class PerSite {

        private final int first;
        private int next;

        private PerSite(int first) {
            this.first = first;
            this.next = first;
        }

        void nextSite() {
            next = first;
        }

        int allocate(Type type) {
            int slot = next;
            next += type.getSize();
            method.maxLocals = Math.max(method.maxLocals, next);
            return slot;
        }
    }
}
