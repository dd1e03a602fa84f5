package procbook.mp;

/**
 * One number in shared memory, which every process it is handed to reads and writes. Python's
 * {@code multiprocessing.Value(typecode, value)}: {@code new Value('i', 0)}; {@code get()} and
 * {@code set(v)} for Python's {@code v.value}.
 *
 * <p>Each {@code get()} and {@code set()} is whole and takes the value's own {@link RLock} for its
 * moment, as in Python. But {@code v.set(v.getInt() + 1)} is two steps, and another process can
 * write in between: hold {@link #getLock()} around both.
 * <pre>{@code
 * try (Held held = counter.getLock().hold()) {
 *     counter.set(counter.getInt() + 1);
 * }
 * }</pre>
 * The lock is re-entrant, so {@code get()} and {@code set()} inside the block take it again at
 * no risk. {@code Value.raw('i', 0)} is Python's {@code RawValue}: no lock at all.
 *
 * <p>How it works: 8 bytes of {@link SharedMemory}, read and written as one volatile long.
 */
public final class Value extends SharedPrimitive {
    private static final long serialVersionUID = 1L;
    private static final int SLOT = 0;

    private final Typecode type;
    private final RLock lock;

    /** A new value of type {@code typecode} ('i', 'l', 'q', 'd', 'f'), with its own lock. */
    public Value(char typecode, Number initial) {
        this(typecode, initial, true);
    }

    /** The same; {@code lock} false gives a value without a lock, as Python's {@code Value(..., lock=False)}. */
    public Value(char typecode, Number initial, boolean lock) {
        super("Value", null, Typecode.bytesFor(typecode, 1, "new Value('" + typecode + "', " + initial + ")"));
        this.type = Typecode.of(typecode, "new Value");
        this.lock = lock ? new RLock(name + "-lock") : null;
        type.write(memory, SLOT, initial, "new Value('" + typecode + "', " + initial + ")");
    }

    /** A value without a lock: Python's {@code RawValue(typecode, value)}. */
    public static Value raw(char typecode, Number initial) {
        return new Value(typecode, initial, false);
    }

    /** The number, as an Integer, Long, Double or Float by its type code: Python's {@code v.value}. */
    public Number get() {
        return underLock(lock, () -> type.read(memory, SLOT));
    }

    public int getInt() {
        return get().intValue();
    }

    public long getLong() {
        return get().longValue();
    }

    public double getDouble() {
        return get().doubleValue();
    }

    /** Writes the number: Python's {@code v.value = x}. A fraction into a whole type is refused. */
    public void set(Number value) {
        underLock(lock, () -> {
            type.write(memory, SLOT, value, name + ".set(" + value + ")");
            return null;
        });
    }

    /** {@code action}, holding {@code lock} for its moment; at once when there is no lock (a raw value or array). */
    static <T> T underLock(RLock lock, java.util.function.Supplier<T> action) {
        if (lock == null) {
            return action.get();
        }
        try (Held held = lock.hold()) {
            return action.get();
        }
    }

    /** The value's re-entrant lock, to make several steps one: Python's {@code get_lock()}. */
    public RLock getLock() {
        if (lock == null) {
            throw new IllegalStateException(name + " was made without a lock (Value.raw, or lock false): it has no getLock()."
                    + " Make it with new Value('" + type.code + "', x) to have one, or guard it with a Lock of your own");
        }
        return lock;
    }

    /** The type code it was made with: 'i', 'l', 'q', 'd' or 'f'. */
    public char typecode() {
        return type.code;
    }

    @Override
    public String toString() {
        return "Value[" + name + ", '" + type.code + "', " + type.read(memory, SLOT) + (lock == null ? ", no lock" : "") + "]";
    }
}
