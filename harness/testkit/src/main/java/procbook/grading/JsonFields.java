package procbook.grading;

import java.util.List;
import java.util.Map;

/**
 * Typed access to one JSON object of a tree from {@link Json}, with errors that name the field
 * and the object it belongs to.
 */
final class JsonFields {
    private final Map<?, ?> object;
    private final String where;

    private JsonFields(Map<?, ?> object, String where) {
        this.object = object;
        this.where = where;
    }

    static JsonFields of(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be a JSON object, got " + describe(value));
        }
        return new JsonFields(map, where);
    }

    String string(String name) {
        return as(name, String.class, "a string");
    }

    /** The string, or "" when the field is absent or null: for optional text. */
    String optionalString(String name) {
        Object value = object.get(name);
        return value == null ? "" : as(name, String.class, "a string");
    }

    boolean bool(String name) {
        return as(name, Boolean.class, "true or false");
    }

    long integer(String name) {
        return as(name, Long.class, "a whole number");
    }

    int smallInteger(String name) {
        long value = integer(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": field '" + name + "' is out of range: " + value);
        }
        return (int) value;
    }

    List<?> list(String name) {
        return as(name, List.class, "an array");
    }

    private <T> T as(String name, Class<T> type, String expected) {
        if (!object.containsKey(name)) {
            throw new IllegalArgumentException(where + ": field '" + name + "' is missing");
        }
        Object value = object.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(
                    where + ": field '" + name + "' must be " + expected + ", got " + describe(value));
        }
        return type.cast(value);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }
}
