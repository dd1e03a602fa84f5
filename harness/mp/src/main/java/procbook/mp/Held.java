package procbook.mp;

/**
 * A lock or permit held until {@link #close()}: the Java form of Python's {@code with lock:}.
 *
 * <pre>{@code
 * try (Held held = lock.hold()) {
 *     buy();
 * } // released here, whatever happened inside
 * }</pre>
 */
@FunctionalInterface
public interface Held extends AutoCloseable {
    /** Releases what {@code hold()} acquired. */
    @Override
    void close();
}
