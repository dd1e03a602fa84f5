package procbook.mp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The messages between a {@link Pool} and a worker, over the worker's {@link Pipe}. To the worker:
 * {@code JOB count (id fnId forget fresh [fn] star n items...)...} or {@code STOP}. Back, one per
 * job: {@code DONE id n results...} or {@code FAILED id description trace [exception]}. A job's
 * function travels with the first job that needs it; later jobs name it by number.
 */
final class PoolWire {
    static final byte JOB = 1;
    static final byte STOP = 2;
    static final byte DONE = 1;
    static final byte FAILED = 2;

    private PoolWire() {
    }

    /** An item encoded in the caller already (map's items, so that a bad one fails at once): not an item of type byte[]. */
    record Encoded(byte[] bytes) {
    }

    /** Encodes one item for a job: one value, or two for starmap. Throws, naming the item, if it cannot travel. */
    static byte[] encodeItem(Object item, boolean star, String context) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
        DataOutputStream out = new DataOutputStream(bytes);
        Serialization.FOR_POOL_TASK.set(Boolean.TRUE);
        try {
            if (star) {
                Object[] pair = (Object[]) item;
                Values.write(out, pair[0], context, "argument 1");
                Values.write(out, pair[1], context, "argument 2");
            } else {
                Values.write(out, item, context, "the argument");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Serialization.FOR_POOL_TASK.set(Boolean.FALSE);
        }
        return bytes.toByteArray();
    }

    static void writeFailure(DataOutputStream out, Throwable e, Serializable fn) throws IOException {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        writeText(out, Pool.describe(fn) + " threw " + e + " in " + ThisProcess.name() + " (pid " + ThisProcess.PID + ")");
        writeText(out, trace.toString());
        byte[] bytes = null;
        try {
            e.addSuppressed(new Pool.TaskFailed("raised in " + ThisProcess.name() + " (pid " + ThisProcess.PID
                    + ") while running " + Pool.describe(fn), null));
            bytes = Serialization.toBytes(e, "exception", "");
        } catch (RuntimeException notSerializable) {
            bytes = null;
        }
        out.writeBoolean(bytes != null);
        if (bytes != null) {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    static Throwable readFailure(DataInputStream in) throws IOException, ClassNotFoundException {
        String description = readText(in);
        String trace = readText(in);
        boolean travelled = in.readBoolean();
        if (travelled) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            try {
                return (Throwable) Serialization.fromBytes(bytes);
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // fall through: describe it instead
            }
        }
        return new Pool.TaskFailed(description + "\n--- in the worker:\n" + trace, null);
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
