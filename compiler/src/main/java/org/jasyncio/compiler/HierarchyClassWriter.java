package org.jasyncio.compiler;

import org.objectweb.asm.ClassWriter;

/** A {@link ClassWriter} that computes frames from the {@link ClassHierarchy} instead of loading classes. */
final class HierarchyClassWriter extends ClassWriter {

    private final ClassHierarchy hierarchy;

    HierarchyClassWriter(ClassHierarchy hierarchy) {
        super(COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }
}
