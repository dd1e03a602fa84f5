package procbook.mp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The jobs of one call of a {@link Pool}: its items, cut into chunks, read only as the workers need
 * them. An input that fails while being read (its iterator throws, an item cannot travel) ends there:
 * as in Python, the failure takes the place of the item it was reading, after the results before it.
 */
final class PoolJobSource {
    final Serializable fn;
    final boolean star;
    final PoolJob.Sink sink;
    private final Iterator<Object> items;
    private final int chunk;
    private int index;
    private boolean ended;
    private PoolJob again;

    PoolJobSource(Serializable fn, boolean star, Iterator<Object> items, int chunk, PoolJob.Sink sink) {
        this.fn = fn;
        this.star = star;
        this.items = items;
        this.chunk = chunk;
        this.sink = sink;
    }

    /** A source of one job only, handed out again: its worker died before starting it. */
    PoolJobSource(PoolJob again) {
        this(again.fn(), again.star(), Collections.emptyIterator(), 1, again.sink());
        this.again = again;
    }

    /** How many items have been read from the input so far. */
    synchronized int read() {
        return index;
    }

    /** The next job, with this id; null once the input is exhausted (or failed). */
    synchronized PoolJob next(long id) {
        if (again != null) {
            PoolJob job = again;
            again = null;
            return job;
        }
        if (ended) {
            return null;
        }
        List<Object> batch = new ArrayList<>();
        int first = index;
        try {
            while (batch.size() < chunk && items.hasNext()) {
                Object item = items.next();
                batch.add(item instanceof PoolWire.Encoded encoded ? encoded.bytes()
                        : PoolWire.encodeItem(item, star, Pool.describe(fn) + " cannot send item " + index + " to a worker"));
                index++;
            }
        } catch (RuntimeException e) {
            if (sink instanceof PoolResults.Stream<?> stream) {
                // the results of the items read so far still come; then this failure, as itself
                stream.inputFailed(index, e);
                ended = true;
                return batch.isEmpty() ? null : new PoolJob(id, fn, star, batch, first, sink);
            }
            ended = true;
            sink.failAll(e);
            return null;
        }
        if (batch.isEmpty()) {
            if (sink instanceof PoolResults.Stream<?> stream) {
                stream.inputEnded(index);
            }
            return null;
        }
        return new PoolJob(id, fn, star, batch, first, sink);
    }
}
