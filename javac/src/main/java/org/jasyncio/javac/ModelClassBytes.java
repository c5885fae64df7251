package org.jasyncio.javac;

import java.util.ArrayList;
import java.util.List;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

import org.jasyncio.compiler.ClassBytes;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Answers the compiler's hierarchy questions from javac's own model of the sources and the
 * classpath, never by loading a class: the compiler asks for a class file, and gets a header
 * written from the {@link TypeElement} (its superclass, interfaces and whether it is an
 * interface, all that frames need). javac knows the classes of the compilation before their
 * class files exist, and reads the classpath as {@code --release} says.
 */
final class ModelClassBytes implements ClassBytes {

    private final Elements elements;
    private final SourceIndex sources;

    ModelClassBytes(Elements elements, SourceIndex sources) {
        this.elements = elements;
        this.sources = sources;
    }

    @Override
    public byte[] find(String internalName) {
        TypeElement type = typeNamed(internalName.replace('/', '.'));
        return type == null ? null : header(internalName, type);
    }

    /**
     * javac finds classes by canonical name ({@code a.Outer.Inner}), but a binary name
     * ({@code a.Outer$Inner}) does not say which {@code $} separates a nested class, so each
     * candidate outermost class is tried and searched for a member of that binary name.
     */
    private TypeElement typeNamed(String binaryName) {
        TypeElement local = sources.localClass(binaryName);
        if (local != null) {
            return local;
        }
        int simpleName = binaryName.lastIndexOf('.') + 1;
        for (int dollar = binaryName.indexOf('$', simpleName + 1); ; dollar = binaryName.indexOf('$', dollar + 1)) {
            String outermost = dollar < 0 ? binaryName : binaryName.substring(0, dollar);
            TypeElement found = memberNamed(elements.getTypeElement(outermost), binaryName);
            if (found != null || dollar < 0) {
                return found;
            }
        }
    }

    private TypeElement memberNamed(TypeElement type, String binaryName) {
        if (type == null) {
            return null;
        }
        String name = elements.getBinaryName(type).toString();
        if (name.equals(binaryName)) {
            return type;
        }
        if (binaryName.startsWith(name + "$")) {
            for (Element member : type.getEnclosedElements()) {
                if (member instanceof TypeElement nested) {
                    TypeElement found = memberNamed(nested, binaryName);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private byte[] header(String internalName, TypeElement type) {
        boolean isInterface = type.getKind().isInterface();
        List<String> interfaces = new ArrayList<>();
        for (TypeMirror implemented : type.getInterfaces()) {
            String name = internalName(implemented);
            if (name != null) {
                interfaces.add(name);
            }
        }
        // A class file's interface names java/lang/Object as its superclass, as javac writes it.
        String superName = isInterface ? "java/lang/Object" : internalName(type.getSuperclass());
        if (superName == null && !internalName.equals("java/lang/Object")) {
            superName = "java/lang/Object";
        }
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0),
                internalName, null, superName, interfaces.toArray(String[]::new));
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The internal name of a class type, or {@code null} for anything else (none, or a type javac could not resolve). */
    private String internalName(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement element) {
            return elements.getBinaryName(element).toString().replace('.', '/');
        }
        return null;
    }
}
