package org.jasyncio.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/** Every name in {@link RuntimeNames} exists in the runtime, with the shape generated code relies on. */
class RuntimeNamesTest {

    @Test
    void everyCallIsAPublicMethodWithThatDescriptorAndKind() throws Exception {
        List<RuntimeNames.Call> calls = constants(RuntimeNames.Call.class);
        assertFalse(calls.isEmpty());
        for (RuntimeNames.Call call : calls) {
            Method method = Arrays.stream(runtimeClass(call.owner()).getDeclaredMethods())
                    .filter(m -> m.getName().equals(call.name()) && Type.getMethodDescriptor(m).equals(call.desc()))
                    .findFirst().orElseThrow(() -> new AssertionError("no method " + call));
            assertTrue(Modifier.isPublic(method.getModifiers()), call + " is public");
            assertEquals(call.opcode() == Opcodes.INVOKESTATIC, Modifier.isStatic(method.getModifiers()),
                    call + " is called with the opcode of its kind");
        }
    }

    @Test
    void everyFieldIsAPublicInstanceFieldOfThatType() throws Exception {
        List<RuntimeNames.Field> fields = constants(RuntimeNames.Field.class);
        assertFalse(fields.isEmpty());
        for (RuntimeNames.Field expected : fields) {
            assertPublicInstanceField(expected);
        }
    }

    private static void assertPublicInstanceField(RuntimeNames.Field expected) throws Exception {
        Field field = runtimeClass(expected.owner()).getDeclaredField(expected.name());
        assertEquals(expected.desc(), Type.getDescriptor(field.getType()), expected.toString());
        assertTrue(Modifier.isPublic(field.getModifiers()) && !Modifier.isStatic(field.getModifiers()),
                expected + " is a public instance field");
    }

    @Test
    void everyFrameLayoutIsACoroutineWithExactlyItsFields() throws Exception {
        Class<?> coroutine = runtimeClass(RuntimeNames.COROUTINE);
        for (RuntimeNames.Layout layout : RuntimeNames.FIELD_LAYOUTS) {
            Class<?> frame = runtimeClass(layout.owner());
            assertTrue(coroutine.isAssignableFrom(frame), layout + " is a coroutine");
            List<RuntimeNames.Field> fields = new ArrayList<>();
            for (int i = 0; i < layout.references(); i++) {
                fields.add(layout.reference(i));
            }
            for (int i = 0; i < layout.words(); i++) {
                fields.add(layout.word(i));
            }
            for (RuntimeNames.Field expected : fields) {
                assertPublicInstanceField(expected);
            }
            assertEquals(fields.size(), Arrays.stream(frame.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers())).count(), layout + " has no other fields");
        }
        assertEquals(coroutine, runtimeClass(RuntimeNames.EMPTY_LAYOUT.owner()));
    }

    @Test
    void theDescribeBootstrapIsAPublicStaticMethodOfThatDescriptor() throws Exception {
        Method bootstrap = Arrays.stream(runtimeClass(RuntimeNames.DESCRIBE_BOOTSTRAP.getOwner()).getDeclaredMethods())
                .filter(m -> m.getName().equals(RuntimeNames.DESCRIBE_BOOTSTRAP.getName())
                        && Type.getMethodDescriptor(m).equals(RuntimeNames.DESCRIBE_BOOTSTRAP.getDesc()))
                .findFirst().orElseThrow(() -> new AssertionError("no bootstrap " + RuntimeNames.DESCRIBE_BOOTSTRAP));
        assertTrue(Modifier.isPublic(bootstrap.getModifiers()) && Modifier.isStatic(bootstrap.getModifiers()));
    }

    @Test
    void theTypesAndTheResumerAreTheRuntimes() throws Exception {
        Class<?> task = runtimeClass(RuntimeNames.TASK);
        assertEquals(RuntimeNames.TASK_DESC, Type.getDescriptor(task));
        Class<?> coroutine = runtimeClass(RuntimeNames.COROUTINE);
        assertEquals(RuntimeNames.COROUTINE_DESC, Type.getDescriptor(coroutine));
        assertTrue(task.isAssignableFrom(coroutine), "a coroutine is the task an @Async call returns");
        Class<?> resumer = runtimeClass(RuntimeNames.RESUMER);
        assertTrue(resumer.isInterface());
        Method resume = resumer.getMethod(RuntimeNames.RESUME, coroutine);
        assertEquals(RuntimeNames.RESUME_DESC, Type.getMethodDescriptor(resume));
        assertTrue(Modifier.isAbstract(resume.getModifiers()), "the bridge implements Resumer's one method");
    }

    @Test
    void theAnnotationsAreTheRuntimesWithClassRetention() throws Exception {
        for (String desc : List.of(RuntimeNames.ASYNC_DESC, RuntimeNames.REWRITTEN_DESC)) {
            Class<?> annotation = runtimeClass(Type.getType(desc).getInternalName());
            assertTrue(annotation.isAnnotation(), desc);
            assertEquals(RetentionPolicy.CLASS, annotation.getAnnotation(Retention.class).value(),
                    desc + " is read from the class file, as an invisible annotation");
        }
        Method protocol = runtimeClass(Type.getType(RuntimeNames.REWRITTEN_DESC).getInternalName())
                .getMethod(RuntimeNames.REWRITTEN_PROTOCOL);
        assertEquals(int.class, protocol.getReturnType());
    }

    @Test
    void everyAwaitOverloadIsRecognised() throws Exception {
        List<Method> awaits = Arrays.stream(runtimeClass(RuntimeNames.ASYNCIO).getDeclaredMethods())
                .filter(m -> m.getName().equals(RuntimeNames.AWAIT)).toList();
        assertEquals(2, awaits.size(), "await(Future) and await(CompletionStage)");
        for (Method await : awaits) {
            assertTrue(Modifier.isPublic(await.getModifiers()) && Modifier.isStatic(await.getModifiers()));
            assertTrue(RuntimeNames.isAwait(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.ASYNCIO,
                    await.getName(), Type.getMethodDescriptor(await), false)), await.toString());
        }
    }

    private static Class<?> runtimeClass(String internalName) throws ClassNotFoundException {
        return Class.forName(internalName.replace('/', '.'), false, RuntimeNamesTest.class.getClassLoader());
    }

    private static <T> List<T> constants(Class<T> type) throws IllegalAccessException {
        List<T> found = new ArrayList<>();
        for (Field field : RuntimeNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
                field.setAccessible(true);
                found.add(type.cast(field.get(null)));
            }
        }
        return found;
    }
}
