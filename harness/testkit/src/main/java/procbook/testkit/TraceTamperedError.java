package procbook.testkit;

/**
 * The trace holds something no process of the scenario recorded through mp: a line written into the
 * file by hand, an event of mp's own recorded by lesson code, or an event from a process that never
 * belonged to the scenario. A run with such a trace proves nothing, so every check of it fails.
 */
public final class TraceTamperedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    TraceTamperedError(String what) {
        super("The trace was tampered with: " + what + ".\nThe trace file is mp's alone: record a lesson's events with"
                + " Trace.event(...), and let mp record its own (started, exited, joined, lock.acquired, ...).");
    }
}
