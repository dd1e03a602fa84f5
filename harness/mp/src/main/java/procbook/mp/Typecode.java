package procbook.mp;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The kinds of number a {@link Value} or an {@link Array} holds, by Python's type codes: {@code 'i'} a
 * 32-bit int, {@code 'l'} and {@code 'q'} a 64-bit long, {@code 'd'} a double, {@code 'f'} a float.
 * Each number takes one slot of 8 bytes of shared memory, read and written whole (volatile).
 */
enum Typecode {
    INT('i'), LONG('l'), LONG_LONG('q'), DOUBLE('d'), FLOAT('f');

    static final int SLOT = 8;

    final char code;

    Typecode(char code) {
        this.code = code;
    }

    static Typecode of(char code, String where) {
        for (Typecode t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException(where + ": unknown type code '" + code + "' — mp knows 'i' (int), 'l' and 'q' (long),"
                + " 'd' (double) and 'f' (float)");
    }

    /** The bytes of shared memory for {@code count} numbers of type {@code code}; refuses an unknown code before any is made. */
    static int bytesFor(char code, int count, String where) {
        of(code, where);
        if (count < 0) {
            throw new IllegalArgumentException(where + ": the size cannot be negative");
        }
        return Math.max(1, count) * SLOT;
    }

    boolean isWhole() {
        return this == INT || this == LONG || this == LONG_LONG;
    }

    /** The number in the slot at {@code offset}: an Integer, Long, Double or Float. */
    Number read(SharedMemory memory, int offset) {
        long bits = memory.getLong(offset);
        return switch (this) {
            case INT -> (int) bits;
            case LONG, LONG_LONG -> bits;
            case DOUBLE -> Double.longBitsToDouble(bits);
            case FLOAT -> (float) Double.longBitsToDouble(bits);
        };
    }

    /**
     * Writes {@code value} into the slot. As Python's ctypes: a whole number too large for an 'i' keeps its
     * low 32 bits; a fraction into a whole type is refused (Python's TypeError).
     */
    void write(SharedMemory memory, int offset, Number value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": null is not a number; '" + code + "' holds " + describe());
        }
        boolean fraction = value instanceof Double || value instanceof Float || value instanceof BigDecimal;
        if (isWhole() && fraction) {
            throw new IllegalArgumentException(where + ": '" + code + "' holds " + describe() + ", not the "
                    + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value
                    + " — round it first, or make it a 'd' (double)");
        }
        long bits = switch (this) {
            case INT -> value.intValue();
            case LONG, LONG_LONG -> value instanceof BigInteger big ? big.longValue() : value.longValue();
            case DOUBLE -> Double.doubleToRawLongBits(value.doubleValue());
            case FLOAT -> Double.doubleToRawLongBits(value.floatValue());
        };
        memory.setLong(offset, bits);
    }

    String describe() {
        return switch (this) {
            case INT -> "an int";
            case LONG, LONG_LONG -> "a long";
            case DOUBLE -> "a double";
            case FLOAT -> "a float";
        };
    }
}
