package procbook.mp;

/**
 * Something a process can wait on together with others: a {@link Connection} that has a message
 * (or end of file) to receive, or a process's {@link Process#sentinel() sentinel}, ready once that
 * process has ended. {@link Connection#waitAny} waits for the first of several: Python's
 * {@code multiprocessing.connection.wait}.
 */
public interface Waitable {
    /** Whether waiting on it would end at once. */
    boolean isReady();
}
