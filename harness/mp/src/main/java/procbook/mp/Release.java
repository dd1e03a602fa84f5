package procbook.mp;

/**
 * What {@code hold()} returns for every lock and semaphore: releases it at the end of a
 * try-with-resources block. A named class, not {@code this::release}: a lambda costs a just-started
 * JVM milliseconds.
 */
record Release(Releasable held) implements Held {
    /** A lock or semaphore, which {@link Release} gives back. */
    interface Releasable {
        void release();
    }

    @Override
    public void close() {
        held.release();
    }
}
