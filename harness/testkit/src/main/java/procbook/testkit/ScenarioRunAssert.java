package procbook.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a whole run: how its main process ended, what it printed, what is left of it. */
public final class ScenarioRunAssert extends AbstractAssert<ScenarioRunAssert, ScenarioRun> {
    ScenarioRunAssert(ScenarioRun run) {
        super(run, ScenarioRunAssert.class);
    }

    /** The main process ended (waiting for it if needed) with exit code 0. */
    public ScenarioRunAssert exitedNormally() {
        return exitedWith(0);
    }

    /** The main process ended (waiting for it if needed) with this exit code, as the OS reports it. */
    public ScenarioRunAssert exitedWith(int expected) {
        int code = actual.awaitExit();
        if (code != expected) {
            throw fail("the scenario's main process should have ended with exit code " + expected + ", but it ended with "
                    + code + explain(code) + ".");
        }
        return this;
    }

    /** No process of the scenario printed a Java stack trace. */
    public ScenarioRunAssert printedNoStackTrace() {
        actual.failNotDoneYet();
        List<String> exceptions = new RunOutput("", "", actual.stderr()).exceptionLines();
        if (!exceptions.isEmpty()) {
            throw fail("no process should have printed a stack trace, but one did: " + exceptions.get(0) + " (" + exceptions.get(1).strip() + ")");
        }
        return this;
    }

    /** Not one process of the scenario's process group is alive (zombies count as dead). */
    public ScenarioRunAssert leftNoProcessAlive() {
        List<ProcessTree.Info> left = actual.livingProcesses();
        if (!left.isEmpty()) {
            throw fail("every process of the scenario should have ended, but these are still running: "
                    + left.stream().map(i -> "pid " + i.pid() + named(i.pid())).collect(Collectors.joining(", ")) + ".");
        }
        return this;
    }

    /** Through AssertJ, so a description or an overriding message applies; '%' escaped, the message is no format. */
    private AssertionError fail(String message) {
        return failure(actual.failure(message).getMessage().replace("%", "%%"));
    }

    private String named(long pid) {
        return actual.trace().events().stream().filter(e -> e.pid() == pid).findFirst().map(e -> " (" + e.process() + ")").orElse("");
    }

    static String explain(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            return " (128+" + signal + ": ended by " + procbook.mp.Signal.nameOf(signal) + ")";
        }
        if (code == 1) {
            return " (an uncaught exception?)";
        }
        return "";
    }
}
