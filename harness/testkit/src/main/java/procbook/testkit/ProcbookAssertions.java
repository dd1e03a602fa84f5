package procbook.testkit;

/**
 * Entry point for the kit's assertions, next to AssertJ's own:
 * {@code assertThat(run).exitedNormally()}, {@code assertThat(run.trace()).happensBefore(...)}.
 */
public final class ProcbookAssertions {
    private ProcbookAssertions() {
    }

    public static ScenarioRunAssert assertThat(ScenarioRun run) {
        return new ScenarioRunAssert(run);
    }

    public static TraceAssert assertThat(TraceLog trace) {
        return new TraceAssert(trace);
    }
}
