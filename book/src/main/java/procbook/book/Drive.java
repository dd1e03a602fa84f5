package procbook.book;

import java.time.Duration;
import procbook.mp.Signal;
import procbook.testkit.Events;
import procbook.testkit.ScenarioRun;

/**
 * How the book drives a run, as the lesson's tests do: let it end, or press Ctrl-C once it has shown
 * what it should. Returns how the run ended, in words for its record; a run that does not end in time
 * is recorded as such, never waited for longer.
 */
@FunctionalInterface
interface Drive {
    /** How long a run may take before the book stops it: twice what the slowest lesson needs on a loaded machine. */
    Duration LIMIT = Duration.ofSeconds(40);

    String drive(ScenarioRun run);

    /** Lets the program end by itself. */
    static Drive toTheEnd() {
        return run -> "exit code " + run.awaitExit();
    }

    /** Ctrl-C to the whole process group once {@code count} events {@code after} are recorded; then lets it end. */
    static Drive ctrlCAfter(int count, Events after) {
        return run -> {
            pressCtrlC(run, count, after);
            return "Ctrl-C after " + count + " " + after + ", then exit code " + run.awaitExit();
        };
    }

    /**
     * Ctrl-C as above; then, once {@code then} is recorded, waits {@code grace} more and stops the run,
     * ended or not: how a wrong solution that leaves a process waiting for ever is drawn.
     */
    static Drive ctrlCThenStop(int count, Events after, Events then, Duration grace) {
        return run -> {
            pressCtrlC(run, count, after);
            return stopAfter(run, then, grace);
        };
    }

    /** Once {@code then} is recorded, waits {@code grace} more and stops the run, ended or not. */
    static Drive stopAfter(Events then, Duration grace) {
        return run -> stopAfter(run, then, grace);
    }

    private static void pressCtrlC(ScenarioRun run, int count, Events after) {
        run.awaitTrace(count + " events " + after, t -> t.count(after) >= count);
        run.signalGroup(Signal.INT);
    }

    private static String stopAfter(ScenarioRun run, Events then, Duration grace) {
        run.awaitEvent(then);
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run.hasEnded() ? "exit code " + run.exitCode().getAsInt()
                : "still running " + grace.toMillis() + " ms after " + then + ": stopped by the book";
    }
}
