package procbook.mp;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed number of numbers in shared memory, every one of the same type: Python's
 * {@code multiprocessing.Array(typecode, size_or_values)}. {@code new Array('d', 10)} holds ten
 * zeros; {@code new Array('i', List.of(1, 2, 3))} those three. {@code get(i)} and {@code set(i, x)}
 * for Python's {@code a[i]}, {@link #toList()} for {@code a[:]}.
 *
 * <p>As with {@link Value}, each access is whole and takes the array's re-entrant lock for its moment;
 * hold {@link #getLock()} to make several one. {@code Array.raw(...)} is Python's {@code RawArray}.
 *
 * <p>How it works: one slot of 8 bytes of {@link SharedMemory} per number.
 */
public final class Array extends SharedPrimitive {
    private static final long serialVersionUID = 1L;

    private final Typecode type;
    private final int length;
    private final RLock lock;

    /** {@code size} numbers of type {@code typecode}, all zero, with a lock. */
    public Array(char typecode, int size) {
        this(typecode, size, null, true);
    }

    /** The given numbers, with a lock. */
    public Array(char typecode, List<? extends Number> values) {
        this(typecode, values.size(), values, true);
    }

    private Array(char typecode, int size, List<? extends Number> values, boolean lock) {
        super("Array", null, Typecode.bytesFor(typecode, size, "new Array('" + typecode + "', " + size + ")"));
        this.type = Typecode.of(typecode, "new Array");
        this.length = size;
        this.lock = lock ? new RLock(name + "-lock") : null;
        if (values != null) {
            for (int i = 0; i < size; i++) {
                type.write(memory, i * Typecode.SLOT, values.get(i), "new Array('" + typecode + "', ...), item " + i);
            }
        }
    }

    /** Without a lock: Python's {@code RawArray(typecode, size)}. */
    public static Array raw(char typecode, int size) {
        return new Array(typecode, size, null, false);
    }

    /** Without a lock, holding the given numbers: Python's {@code RawArray(typecode, values)}. */
    public static Array raw(char typecode, List<? extends Number> values) {
        return new Array(typecode, values.size(), values, false);
    }

    /** How many numbers it holds: Python's {@code len(a)}. */
    public int length() {
        return length;
    }

    /** The number at {@code index}: Python's {@code a[index]}. */
    public Number get(int index) {
        int offset = offset(index);
        return Value.underLock(lock, () -> type.read(memory, offset));
    }

    public int getInt(int index) {
        return get(index).intValue();
    }

    public long getLong(int index) {
        return get(index).longValue();
    }

    public double getDouble(int index) {
        return get(index).doubleValue();
    }

    /** Writes the number at {@code index}: Python's {@code a[index] = x}. */
    public void set(int index, Number value) {
        int offset = offset(index);
        Value.underLock(lock, () -> {
            type.write(memory, offset, value, name + ".set(" + index + ", " + value + ")");
            return null;
        });
    }

    /** Every number, in order, read under the lock as one step: Python's {@code a[:]}. */
    public List<Number> toList() {
        return Value.underLock(lock, this::read);
    }

    /** The array's re-entrant lock: Python's {@code get_lock()}. */
    public RLock getLock() {
        if (lock == null) {
            throw new IllegalStateException(name + " was made without a lock (Array.raw): it has no getLock()."
                    + " Make it with new Array(...) to have one, or guard it with a Lock of your own");
        }
        return lock;
    }

    public char typecode() {
        return type.code;
    }

    private List<Number> read() {
        List<Number> all = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            all.add(type.read(memory, i * Typecode.SLOT));
        }
        return all;
    }

    private int offset(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(name + ": index " + index + " is out of range — it holds " + length
                    + " numbers, 0 to " + (length - 1) + " (Python's IndexError)");
        }
        return index * Typecode.SLOT;
    }

    @Override
    public String toString() {
        return "Array[" + name + ", '" + type.code + "', " + read() + (lock == null ? ", no lock" : "") + "]";
    }
}
