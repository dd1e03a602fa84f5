package procbook.mp;

import java.lang.invoke.MethodHandleInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A lambda's target method, called by reflection in the child: what {@link LaunchCodec} sends
 * instead of the lambda itself. No lambda class is made in the child, so none of the lambda
 * machinery has to start up there.
 */
final class LambdaCall {
    private final String implClass;
    private final String method;
    private final String signature;
    private final int kind;
    private final Object[] captured;

    LambdaCall(String implClass, String method, String signature, int kind, Object[] captured) {
        this.implClass = implClass;
        this.method = method;
        this.signature = signature;
        this.kind = kind;
        this.captured = captured;
    }

    /** Calls the method with the captured values first, then the call's arguments: as the lambda would. */
    void call(Object[] args) throws Exception {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Class<?> owner = Class.forName(implClass.replace('/', '.'), true, loader);
        Class<?>[] params = parameterTypes(signature, loader);
        Object[] all = new Object[captured.length + args.length];
        System.arraycopy(captured, 0, all, 0, captured.length);
        System.arraycopy(args, 0, all, captured.length, args.length);
        try {
            switch (kind) {
                case MethodHandleInfo.REF_invokeStatic -> {
                    Method m = owner.getDeclaredMethod(method, params);
                    m.setAccessible(true);
                    m.invoke(null, all);
                }
                case MethodHandleInfo.REF_invokeVirtual, MethodHandleInfo.REF_invokeInterface, MethodHandleInfo.REF_invokeSpecial -> {
                    Method m = owner.getDeclaredMethod(method, params);
                    m.setAccessible(true);
                    Object[] rest = new Object[all.length - 1];
                    System.arraycopy(all, 1, rest, 0, rest.length);
                    m.invoke(all[0], rest); // the receiver: captured (obj::m, a lambda using this) or the first argument (Type::m)
                }
                case MethodHandleInfo.REF_newInvokeSpecial -> {
                    Constructor<?> c = owner.getDeclaredConstructor(params);
                    c.setAccessible(true);
                    c.newInstance(all);
                }
                default -> throw new IllegalStateException("cannot call a lambda whose method handle kind is " + kind);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    /** The parameter classes of a method descriptor such as {@code (Ljava/lang/String;J[I)V}. */
    static Class<?>[] parameterTypes(String descriptor, ClassLoader loader) throws ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
            }
            i++;
            out.add(typeOf(descriptor.substring(start, i), loader));
        }
        return out.toArray(new Class<?>[0]);
    }

    private static Class<?> typeOf(String d, ClassLoader loader) throws ClassNotFoundException {
        switch (d.charAt(0)) {
            case 'Z': return boolean.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'S': return short.class;
            case 'I': return int.class;
            case 'J': return long.class;
            case 'F': return float.class;
            case 'D': return double.class;
            case 'L': return Class.forName(d.substring(1, d.length() - 1).replace('/', '.'), false, loader);
            default: return Class.forName(d.replace('/', '.'), false, loader); // an array: [I, [Ljava.lang.String;
        }
    }

    /** Calls a {@link Target} of any arity with its arguments: what {@link Process#run()} does by default. */
    @SuppressWarnings("unchecked")
    static void run(java.io.Serializable target, Object[] args) throws Exception {
        switch (args.length) {
            case 0 -> ((Target) target).run();
            case 1 -> ((Target.One<Object>) target).run(args[0]);
            case 2 -> ((Target.Two<Object, Object>) target).run(args[0], args[1]);
            case 3 -> ((Target.Three<Object, Object, Object>) target).run(args[0], args[1], args[2]);
            default -> ((Target.Four<Object, Object, Object, Object>) target).run(args[0], args[1], args[2], args[3]);
        }
    }
}
