package org.jasyncio.compiler;

import org.objectweb.asm.ClassWriter;

/** A {@link ClassWriter} that computes frames from the {@link ClassHierarchy} instead of loading classes. */
final class HierarchyClassWriter extends ClassWriter {

    private final ClassHierarchy hierarchy;

    HierarchyClassWriter(ClassHierarchy hierarchy) {
        super(COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
        // ASM 9.11's default limits on frame computation refuse large rewritten bodies the JVM
        // accepts ("Too many operations"); the JVM's 64 KiB code limit already bounds the work.
        setComputeLimits(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
