package procbook.testkit;

import org.assertj.core.api.Assertions;

/**
 * The one entry point a lesson's tests import: AssertJ's own {@code assertThat}s, and the kit's —
 * {@code assertThat(run).exitedNormally()}, {@code assertThat(run.trace()).happensBefore(...)}.
 * <pre>{@code import static procbook.testkit.ProcbookAssertions.assertThat;}</pre>
 */
public class ProcbookAssertions extends Assertions {
    protected ProcbookAssertions() {
    }

    public static ScenarioRunAssert assertThat(ScenarioRun run) {
        return new ScenarioRunAssert(run);
    }

    public static TraceAssert assertThat(TraceLog trace) {
        return new TraceAssert(trace);
    }
}
