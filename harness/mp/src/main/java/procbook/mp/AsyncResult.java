package procbook.mp;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The result of a task given to a {@link Pool}, to come: Python's {@code AsyncResult}.
 *
 * <p>{@link #get()} waits for it and returns it — or throws what the task threw, with the worker's
 * stack trace. The callbacks, if any, run exactly once, on the pool's own thread, as soon as the
 * task is done and before the result is ready, as in Python: when {@code get()} returns, the
 * callback has run. Keep them short.
 *
 * @param <R> the type of the result
 */
public final class AsyncResult<R> {
    private final String what;
    private final Consumer<? super R> onSuccess;
    private final Consumer<? super Throwable> onError;
    private boolean settled;
    private boolean done;
    private Thread callingBack;
    private R value;
    private Throwable error;

    /** {@link #get(Duration)} ran out of time while the task was still running: Python's {@code TimeoutError}. */
    public static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    AsyncResult(String what, Consumer<? super R> onSuccess, Consumer<? super Throwable> onError) {
        this.what = what;
        this.onSuccess = onSuccess;
        this.onError = onError;
    }

    /** Waits as long as it takes; returns the result or throws the task's exception. */
    public R get() {
        return get(null);
    }

    /** Waits at most {@code timeout} ({@code null}: no limit); then throws {@link TimedOut}, the task going on. */
    public synchronized R get(Duration timeout) {
        if (!await(timeout)) {
            throw new TimedOut(what + " is still running after " + timeout + ": get(timeout) gave up; the task goes on");
        }
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new Pool.TaskFailed(what + " failed: " + error, error);
        }
        return value;
    }

    /** Waits until the task is done, at most {@code timeout} ({@code null}: no limit); true if it is done. */
    public synchronized boolean await(Duration timeout) {
        timeout = Names.timeout(timeout);
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        while (!done && !(settled && Thread.currentThread() == callingBack)) { // a callback may read its own result
            long left = timeout == null ? 0 : deadline - System.nanoTime();
            if (timeout != null && left <= 0) {
                return false;
            }
            try {
                if (timeout == null) {
                    wait();
                } else {
                    wait(Math.max(1, left / 1_000_000), 0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done;
            }
        }
        return true;
    }

    /** Whether the task is done, well or not. */
    public synchronized boolean ready() {
        return done;
    }

    /** Whether the task ended without an exception. Asking before it is done is an error, as in Python. */
    public synchronized boolean successful() {
        if (!done) {
            throw new IllegalStateException(what + " is not done yet: successful() can only be asked once ready() is true");
        }
        return error == null;
    }

    @Override
    public synchronized String toString() {
        return "AsyncResult[" + what + ", " + (!done ? "running" : error == null ? "done" : "failed: " + error) + "]";
    }

    void succeed(R result) {
        settle(result, null);
    }

    void fail(Throwable e) {
        settle(null, e);
    }

    /** Records the outcome, runs the callback, and only then makes the result ready. */
    private void settle(R result, Throwable e) {
        synchronized (this) {
            if (settled) {
                return;
            }
            settled = true;
            value = result;
            error = e;
            callingBack = Thread.currentThread();
        }
        try {
            if (e == null && onSuccess != null) {
                callBack(onSuccess, result);
            } else if (e != null && onError != null) {
                callBack(onError, e);
            }
        } finally {
            synchronized (this) {
                done = true;
                callingBack = null;
                notifyAll();
            }
        }
    }

    private static <T> void callBack(Consumer<T> callback, T argument) {
        try {
            callback.accept(argument);
        } catch (RuntimeException | Error e) {
            // a callback must not stop the pool: say so, and go on
            System.err.println("procbook.mp: a Pool callback threw " + e + "; the pool goes on");
        }
    }
}
