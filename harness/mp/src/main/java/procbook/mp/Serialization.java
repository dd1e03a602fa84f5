package procbook.mp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns what crosses a process boundary into bytes and back, and when that fails, says which
 * value could not travel and where it sat ("argument 2, field socket").
 */
final class Serialization {
    private static final int MAX_DEPTH = 8;

    private Serialization() {
    }

    static byte[] toBytes(Object value, String context) {
        return toBytes(value, context, "");
    }

    /** The same; {@code rootName} says what {@code value} is to the user ("argument 2"), for the message. */
    static byte[] toBytes(Object value, String context, String rootName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = FOR_POOL_TASK.get() ? new PoolTaskStream(bytes, context) : new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(context + ": " + describe(value, rootName, e.getMessage())
                    + ". What a process is given travels as a copy to another JVM, so it must implement java.io.Serializable."
                    + " Pass plain values instead (a name, a number, a path) and create the resource inside the process.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(context + ": could not serialize " + value.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Set while a pool task's function and arguments are serialized: see {@link PoolTaskStream}. */
    static final ThreadLocal<Boolean> FOR_POOL_TASK = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Refuses mp's own primitives inside a pool task, as Python does ("should only be shared
     * between processes through inheritance"): a queue or lock is shared with a process when that
     * process is created; a pool's workers already exist. A manager's proxies are the way.
     */
    private static final class PoolTaskStream extends ObjectOutputStream {
        private final String context;

        PoolTaskStream(ByteArrayOutputStream bytes, String context) throws IOException {
            super(bytes);
            this.context = context;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof SharedPrimitive || obj instanceof Connection) {
                String kind = obj instanceof Connection ? "pipe end (Connection)" : obj.getClass().getSimpleName();
                throw new IllegalArgumentException(context + ": a " + kind + " cannot go to a pool task. mp's " + kind
                        + " is shared with a process when that process is created (an argument of new Process(...)), and a"
                        + " pool's workers were created before the task — Python says the same: \"should only be shared between"
                        + " processes through inheritance\". Create it with a Manager instead (manager.queue(), manager.lock(), ...)"
                        + " and pass the proxy, which can go anywhere; or give it to the pool's initializer");
            }
            return obj;
        }
    }

    static Object fromBytes(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Finds the first object of the unserializable class and names its path from the root. */
    static String describe(Object root, String rootName, String className) {
        record Step(Object value, String path, int depth) {
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Step> todo = new ArrayDeque<>();
        todo.add(new Step(root instanceof Launch launch ? launch.process() : root, rootName, 0));
        while (!todo.isEmpty()) {
            Step step = todo.poll();
            Object v = step.value();
            if (v == null || !seen.add(v)) {
                continue;
            }
            if (v.getClass().getName().equals(className) || !(v instanceof Serializable) && !v.getClass().isArray()) {
                return "a " + v.getClass().getName() + " is not serializable"
                        + (step.path().isEmpty() ? "" : " (it is " + step.path() + ")");
            }
            if (step.depth() >= MAX_DEPTH) {
                continue;
            }
            for (Child c : children(v)) {
                todo.add(new Step(c.value(), join(step.path(), c.name()), step.depth() + 1));
            }
        }
        return "a " + className + " is not serializable";
    }

    private record Child(String name, Object value) {
    }

    private static java.util.List<Child> children(Object v) {
        java.util.List<Child> out = new java.util.ArrayList<>();
        Class<?> c = v.getClass();
        if (c.isArray()) {
            if (!c.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(v); i++) {
                    out.add(new Child("[" + i + "]", Array.get(v, i)));
                }
            }
            return out;
        }
        if (c.isSynthetic() || c.getName().contains("$$Lambda")) {
            Object replaced = lambdaForm(v);
            if (replaced instanceof java.lang.invoke.SerializedLambda sl) {
                for (int i = 0; i < sl.getCapturedArgCount(); i++) {
                    out.add(new Child("captured value " + (i + 1) + " of the lambda", sl.getCapturedArg(i)));
                }
            }
            return out;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            if (k.getName().startsWith("java.") && !(v instanceof Process)) {
                break; // JDK internals: not ours to open, and named well enough by their class
            }
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    out.add(new Child(fieldLabel(k, f), f.get(v)));
                } catch (RuntimeException | IllegalAccessException e) {
                    // not readable here; skip it
                }
            }
        }
        return out;
    }

    private static String fieldLabel(Class<?> owner, Field f) {
        if (owner == Process.class && f.getName().equals("args")) {
            return "the arguments";
        }
        if (owner == Process.class && f.getName().equals("target")) {
            return "the target";
        }
        return "field '" + f.getName() + "' of " + owner.getSimpleName();
    }

    private static String join(String path, String step) {
        if (path.equals("the arguments") && step.startsWith("[")) {
            return "argument " + (Integer.parseInt(step.substring(1, step.length() - 1)) + 1);
        }
        return path.isEmpty() ? step : path + " → " + step;
    }

    private static Object lambdaForm(Object lambda) {
        try {
            Method m = lambda.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            return m.invoke(lambda);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
