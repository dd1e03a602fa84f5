package procbook.grading;

/** What became of one graded test. */
public enum TestStatus {
    PASSED("passed"),
    FAILED("failed"),
    /** An assumption did not hold, or the test was disabled: it proved nothing either way. */
    ABORTED("aborted"),
    /** It never finished: its JVM hung or crashed first, or its run was cut short. */
    NOT_RUN("not-run");

    private final String json;

    TestStatus(String json) {
        this.json = json;
    }

    /** The name in grade files: {@code passed}, {@code failed}, {@code aborted}, {@code not-run}. */
    public String json() {
        return json;
    }

    static TestStatus fromJson(String name) {
        for (TestStatus status : values()) {
            if (status.json.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "unknown test status '" + name + "': expected passed, failed, aborted or not-run");
    }
}
