package procbook.mp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a value crosses a process boundary: in a pipe message, a queue item, a launch.
 *
 * <p>Why not Java serialization for everything: a serialization stream costs a few microseconds to
 * open and, in a JVM that has just started, milliseconds to warm up, while most values that travel
 * are a number or a string. Those are written as a tag and their bytes; anything else is
 * Java-serialized, with a message naming what could not travel.
 */
final class Values {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte OTHER = 6;
    private static final byte BYTES = 7;

    private Values() {
    }

    /** The value as bytes; {@code context} and {@code what} name it in the error if it cannot travel. */
    static byte[] encode(Object v, String context, String what) {
        if (v instanceof Integer i) { // the commonest message gets a shortcut with no stream at all
            int x = i;
            return new byte[] {INT, (byte) (x >>> 24), (byte) (x >>> 16), (byte) (x >>> 8), (byte) x};
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try {
            write(new DataOutputStream(bytes), v, context, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to grow
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) {
        if (bytes.length == 5 && bytes[0] == INT) {
            return (bytes[1] & 0xff) << 24 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 8 | bytes[4] & 0xff;
        }
        try {
            return read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("received a " + e.getMessage() + ", a class this process does not have:"
                    + " every process of a program must run with the same class path", e);
        } catch (IOException e) {
            throw new IllegalStateException("received a message that is not a value sent by send()/put(): " + e, e);
        }
    }

    static void write(DataOutputStream out, Object v, String context, String what) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s && s.length() < 16_000) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else {
            byte[] bytes = Serialization.toBytes(v, context, what);
            out.writeByte(OTHER);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    static Object read(DataInputStream in) throws IOException, ClassNotFoundException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return in.readUTF();
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case BYTES:
            case OTHER:
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                return tag == BYTES ? bytes : Serialization.fromBytes(bytes);
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }
}
