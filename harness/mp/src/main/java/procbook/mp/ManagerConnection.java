package procbook.mp;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One client's connection, as the manager's process sees it: which lock-like objects it used, so
 * that when it drops — its process ended, or was killed — what it still holds is given back.
 * Each connection is served on a thread of its own, so "the connection calling now" is a
 * thread-local.
 */
final class ManagerConnection {
    private static final ThreadLocal<ManagerConnection> CURRENT = new ThreadLocal<>();

    /** A lock, semaphore or condition of the manager: it knows which connection holds what. */
    interface Releasable {
        /** Gives back what {@code dropped} still holds; returns how many acquisitions that was. */
        int giveBack(ManagerConnection dropped);
    }

    private final Set<Releasable> used = new LinkedHashSet<>();

    /** The connection whose call this thread serves; null outside a call. */
    static ManagerConnection current() {
        return CURRENT.get();
    }

    /** Serves calls of this connection on this thread from now on. */
    void bindToThisThread() {
        CURRENT.set(this);
    }

    /** Notes that this connection acquired {@code object}, to be asked at the end what it still holds. */
    static void acquired(Releasable object) {
        ManagerConnection c = CURRENT.get();
        if (c != null) {
            c.used.add(object);
        }
    }

    /** At the end of the connection: gives back what it still holds, and says so unless the manager is stopping. */
    // tag::give-back[]
    void dropped(boolean say) {
        for (Releasable object : used) {
            int n = object.giveBack(this);
            if (n > 0 && say) {
                System.err.println("procbook.mp: a process left the manager holding " + n + " acquisition(s) of a "
                        + object + "; given back");
            }
        }
        used.clear();
    }
    // end::give-back[]
}
