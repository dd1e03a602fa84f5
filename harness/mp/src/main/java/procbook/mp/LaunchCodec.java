package procbook.mp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Writes a {@link Launch} for the child, and reads it there.
 *
 * <p>Why not Java serialization alone: in a JVM that has just started, reading one serialized
 * lambda costs tens of milliseconds — the serialization machinery and the lambda machinery both
 * start up — while Python's pickle costs next to nothing. So the common launch — a plain
 * {@code Process} whose target is a lambda or method reference and whose values are strings,
 * numbers, booleans or null — is written field by field, and the target as the description the
 * compiler keeps for serializable lambdas ({@link SerializedLambda}): class, method, captured
 * values. The child calls that method by reflection ({@link LambdaCall}). Anything else — a
 * subclass, another value — travels by Java serialization, as it always may.
 */
final class LaunchCodec {
    private static final byte FIELDS = 'F';
    private static final byte SERIALIZED = 'J';


    private LaunchCodec() {
    }

    static void write(Launch launch, DataOutputStream out, String context) throws IOException {
        Process p = launch.process();
        SerializedLambda lambda = p.getClass() == Process.class ? lambdaForm(p.target()) : null;
        if (lambda == null) {
            out.writeByte(SERIALIZED);
            byte[] bytes = Serialization.toBytes(launch, context);
            out.writeInt(bytes.length);
            out.write(bytes);
            return;
        }
        out.writeByte(FIELDS);
        out.writeUTF(p.name());
        out.writeBoolean(p.isDaemon());
        int[] identity = p.identity();
        out.writeInt(identity.length);
        for (int i : identity) {
            out.writeInt(i);
        }
        out.writeUTF(launch.parentName());
        out.writeLong(launch.parentPid());
        out.writeUTF(launch.statusFile());
        out.writeUTF(lambda.getImplClass());
        out.writeUTF(lambda.getImplMethodName());
        out.writeUTF(lambda.getImplMethodSignature());
        out.writeInt(lambda.getImplMethodKind());
        out.writeInt(lambda.getCapturedArgCount());
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            Values.write(out, lambda.getCapturedArg(i), context, "captured value " + (i + 1) + " of the target lambda");
        }
        Object[] args = p.args();
        out.writeInt(args.length);
        for (int i = 0; i < args.length; i++) {
            Values.write(out, args[i], context, "argument " + (i + 1));
        }
    }

    static Launch read(DataInputStream in) throws IOException, ClassNotFoundException {
        byte form = in.readByte();
        if (form == SERIALIZED) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return (Launch) Serialization.fromBytes(bytes);
        }
        if (form != FIELDS) {
            throw new IOException("unknown launch form " + form);
        }
        String name = in.readUTF();
        boolean daemon = in.readBoolean();
        int[] identity = new int[in.readInt()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = in.readInt();
        }
        String parentName = in.readUTF();
        long parentPid = in.readLong();
        String statusFile = in.readUTF();
        String implClass = in.readUTF();
        String implMethod = in.readUTF();
        String implSignature = in.readUTF();
        int implKind = in.readInt();
        Object[] captured = new Object[in.readInt()];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = Values.read(in);
        }
        Object[] args = new Object[in.readInt()];
        for (int i = 0; i < args.length; i++) {
            args[i] = Values.read(in);
        }
        LambdaCall call = new LambdaCall(implClass, implMethod, implSignature, implKind, captured);
        return new Launch(Process.launched(name, daemon, identity, call, args), parentName, parentPid, statusFile);
    }

    /** The compiler's description of a serializable lambda, or null for any other object. */
    private static SerializedLambda lambdaForm(Serializable target) {
        if (target == null || !target.getClass().isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = target.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object form = writeReplace.invoke(target);
            return form instanceof SerializedLambda sl ? sl : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
