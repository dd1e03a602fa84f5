package procbook.mp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Where the results of a {@link Pool}'s jobs go, one kind per kind of call: {@code applyAsync}'s
 * single result, {@code map}'s list, {@code imap}'s iterator. Each follows Python's rules for when
 * a result is ready and which exception a caller sees.
 */
final class PoolResults {
    private PoolResults() {
    }

    /** The sink of one applyAsync. */
    record Single<R>(AsyncResult<R> result) implements PoolJob.Sink {
        @Override
        @SuppressWarnings("unchecked")
        public void succeed(PoolJob job, List<Object> results) {
            result.succeed((R) results.get(0));
        }

        @Override
        public void fail(PoolJob job, Throwable error) {
            result.fail(error);
        }

        @Override
        public void failAll(Throwable error) {
            result.fail(error);
        }
    }

    /**
     * The sink of a map: fills a list by index. As in Python, the result is ready only when every
     * chunk is back, failed or not — never while a chunk still runs — and a failed map raises the
     * first exception that came back.
     */
    static final class Gathered<R> implements PoolJob.Sink {
        private final AsyncResult<List<R>> result;
        private final Object[] values;
        private int missing;
        private Throwable firstError;

        Gathered(AsyncResult<List<R>> result, int size) {
            this.result = result;
            this.values = new Object[size];
            this.missing = size;
            if (size == 0) {
                result.succeed(List.of());
            }
        }

        @Override
        public void succeed(PoolJob job, List<Object> results) {
            boolean complete;
            synchronized (this) {
                for (int i = 0; i < results.size(); i++) {
                    values[job.firstIndex() + i] = results.get(i);
                }
                missing -= results.size();
                complete = missing == 0;
            }
            if (complete) {
                complete();
            }
        }

        @Override
        public void fail(PoolJob job, Throwable error) {
            boolean complete;
            synchronized (this) {
                if (firstError == null) {
                    firstError = error;
                }
                missing -= job.items().size();
                complete = missing == 0;
            }
            if (complete) {
                complete();
            }
        }

        @Override
        public void failAll(Throwable error) {
            result.fail(error);
        }

        @SuppressWarnings("unchecked")
        private void complete() {
            if (firstError != null) {
                result.fail(firstError);
                return;
            }
            List<R> list = new ArrayList<>(values.length);
            for (Object v : values) {
                list.add((R) v);
            }
            result.succeed(list);
        }
    }

    /**
     * The sink and iterator of imap and imapUnordered. A failed item is a result like the others: as
     * in Python, {@code next()} gives the results before it, then throws its exception, then goes on.
     * A failure of the input itself (its iterator threw) comes after the items read before it, as
     * itself, and ends the results.
     */
    static final class Stream<R> implements PoolJob.Sink, Iterator<R> {
        private final boolean ordered;
        private final String what;
        private final TreeMap<Integer, Outcome> byIndex = new TreeMap<>();
        private final Deque<Outcome> arrived = new ArrayDeque<>();
        private int nextIndex;
        private int total = -1;
        private int given;
        private Throwable terminated;

        private record Outcome(Object value, Throwable error) {
        }

        Stream(boolean ordered, String what) {
            this.ordered = ordered;
            this.what = what;
        }

        /** How many results the caller has taken: the pool reads no further ahead than a few beyond. */
        synchronized int taken() {
            return given;
        }

        synchronized void inputEnded(int count) {
            total = count;
            notifyAll();
        }

        synchronized void inputFailed(int index, RuntimeException e) {
            add(index, new Outcome(null, e));
            total = index + 1;
        }

        @Override
        public synchronized void succeed(PoolJob job, List<Object> results) {
            for (int i = 0; i < results.size(); i++) {
                add(job.firstIndex() + i, new Outcome(results.get(i), null));
            }
        }

        @Override
        public synchronized void fail(PoolJob job, Throwable e) {
            for (int i = 0; i < job.items().size(); i++) {
                add(job.firstIndex() + i, new Outcome(null, e));
            }
        }

        @Override
        public synchronized void failAll(Throwable e) {
            if (terminated == null) {
                terminated = e;
            }
            notifyAll();
        }

        private void add(int index, Outcome outcome) {
            if (ordered) {
                byIndex.put(index, outcome);
            } else {
                arrived.add(outcome);
            }
            notifyAll();
        }

        @Override
        public synchronized boolean hasNext() {
            while (true) {
                if (terminated != null || (ordered ? byIndex.containsKey(nextIndex) : !arrived.isEmpty())) {
                    return true; // next() gives it, or throws it
                }
                if (total >= 0 && given >= total) {
                    return false;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the next result of " + what, e);
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized R next() {
            if (!hasNext()) {
                throw new NoSuchElementException(what + ": no more results");
            }
            if (terminated != null) {
                throw rethrow(terminated);
            }
            Outcome outcome = ordered ? byIndex.remove(nextIndex++) : arrived.poll();
            given++;
            if (outcome.error() != null) {
                throw rethrow(outcome.error());
            }
            return (R) outcome.value();
        }

        private RuntimeException rethrow(Throwable e) {
            if (e instanceof RuntimeException r) {
                return r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            return new Pool.TaskFailed(what + " failed: " + e, e);
        }
    }
}
