package procbook.mp;

import java.io.Serializable;
import java.util.List;

/**
 * One message from a {@link Pool} to a worker: a function and the items to apply it to, the
 * position of the first item in its call's input, and where the results go.
 */
record PoolJob(long id, Serializable fn, boolean star, List<Object> items, int firstIndex, Sink sink) {
    /** Where the results of a call's jobs go: an {@link AsyncResult}, a map's list, an imap's iterator. */
    interface Sink {
        void succeed(PoolJob job, List<Object> results);

        /** The job failed: its function threw, its worker died, or its result could not travel back. */
        void fail(PoolJob job, Throwable error);

        /** The whole call failed at once: the pool was terminated. */
        void failAll(Throwable error);
    }
}
