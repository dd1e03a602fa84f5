package procbook.mp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection, as the manager's process sees it: which process it comes from, and
 * which lock-like objects it used, so that when it drops — its process ended, or was killed — what
 * it still holds is given back. Each connection is served on a thread of its own, so "the
 * connection calling now" is a thread-local.
 *
 * <p>A connection drops when its thread reads the end of the stream, or — while that thread is
 * busy in a call that waits, and reads nothing — when the manager's watcher sees that the client's
 * process has ended. So a process killed while it holds a lock and waits for something else in the
 * manager does not keep the lock.
 */
final class ManagerConnection {
    private static final ThreadLocal<ManagerConnection> CURRENT = new ThreadLocal<>();
    /** How long a wait in the manager sleeps before it looks again whether its client is still there. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** A lock, semaphore or condition of the manager: it knows which connection holds what. */
    interface Releasable {
        /** Gives back what {@code dropped} still holds; returns how many acquisitions that was. */
        int giveBack(ManagerConnection dropped);

        /**
         * Undoes the acquisition {@code dropped} made in the call whose answer could not be sent: its
         * process never learned it holds anything, so it used nothing — a signal it took goes back too.
         */
        void undoUnanswered(ManagerConnection dropped);
    }

    /** Thrown in a wait of the manager whose client has gone: nothing may be taken for it any more. */
    static final class ClientGone extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ClientGone(ManagerConnection c) {
            super(c + " is gone: the manager stopped waiting for it");
        }
    }

    final long pid;
    final String process;
    private final Set<Releasable> used = new LinkedHashSet<>();
    private Releasable acquiredInThisCall;
    private volatile boolean inCall;
    private volatile boolean gone;

    ManagerConnection(long pid, String process) {
        this.pid = pid;
        this.process = process;
    }

    /** The connection whose call this thread serves; null outside a call. */
    static ManagerConnection current() {
        return CURRENT.get();
    }

    /** Serves calls of this connection on this thread from now on. */
    void bindToThisThread() {
        CURRENT.set(this);
    }

    /** A new call begins: nothing acquired in it yet. */
    void calling() {
        acquiredInThisCall = null;
        inCall = true;
    }

    /** The call is over: this connection's thread reads again, and will see the end of the stream itself. */
    void answered() {
        inCall = false;
    }

    /** Whether its thread is inside a call, where only the watcher can notice that the client has gone. */
    boolean inCall() {
        return inCall;
    }

    /** Notes that this connection acquired {@code object}, to be asked at the end what it still holds. */
    static void acquired(Releasable object) {
        ManagerConnection c = CURRENT.get();
        if (c != null) {
            synchronized (c) {
                c.used.add(object);
            }
            c.acquiredInThisCall = object;
        }
    }

    /** The answer to the last call could not be sent: the client is gone before it learned the result. */
    void answerLost() {
        if (acquiredInThisCall != null) {
            acquiredInThisCall.undoUnanswered(this);
            acquiredInThisCall = null;
        }
    }

    /**
     * At the end of the connection: gives back what it still holds, and says so unless the manager is
     * stopping. The watcher may call it while the connection's thread still waits in a call, and that
     * thread again when the call ends: what the first gave back, the second does not find.
     */
    // tag::give-back[]
    void dropped(boolean say) {
        List<Releasable> objects;
        synchronized (this) {
            gone = true; // first: from now on no wait of this connection takes anything
            objects = new ArrayList<>(used);
            used.clear();
        }
        for (Releasable object : objects) {
            int n = object.giveBack(this);
            if (n > 0 && say) {
                System.err.println("procbook.mp: " + this + " left " + ThisProcess.name() + " holding " + n
                        + " acquisition(s) of a " + object + "; given back");
            }
        }
    }
    // end::give-back[]

    /** The deadline of a wait of at most {@code timeout} (null: none), in {@link System#nanoTime()}'s time. */
    static long deadline(Duration timeout) {
        return timeout == null ? Long.MAX_VALUE : System.nanoTime() + Math.max(0, Math.min(timeout.toNanos(), Long.MAX_VALUE / 4));
    }

    /**
     * Waits on {@code monitor}, which the caller holds, until notified or for a short while; false,
     * without waiting, once {@code deadline} has passed.
     *
     * @throws ClientGone if the connection calling has dropped: its process will never see what it waits for
     */
    static boolean waitOn(Object monitor, long deadline) throws InterruptedException {
        requireLive();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, SLICE_NANOS));
        requireLive();
        return true;
    }

    /** Refuses to take anything for a connection that has dropped. */
    static void requireLive() {
        ManagerConnection c = CURRENT.get();
        if (c != null && c.gone) {
            throw new ClientGone(c);
        }
    }

    @Override
    public String toString() {
        return process + " (pid " + pid + ")";
    }
}
