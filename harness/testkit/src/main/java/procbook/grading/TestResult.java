package procbook.grading;

import java.util.Objects;

/**
 * One graded test: a test method, or a parameterized test or test factory counted as a whole.
 *
 * @param testClass      the test class's binary name, e.g. {@code procbook.lesson01.ProcessTest}
 * @param method         the test method's (or {@code @ArchTest} field's) name; empty if it has none
 * @param displayName    what JUnit shows for it, with the names of its {@code @Nested} classes
 * @param status         what became of it
 * @param pointsEarned   {@code pointsPossible} when it passed, else 0
 * @param pointsPossible what it is worth, at least 1
 * @param message        the first lines of why it did not pass; empty when it passed
 * @param durationMillis how long it ran; 0 when it did not run
 */
public record TestResult(
        String testClass,
        String method,
        String displayName,
        TestStatus status,
        int pointsEarned,
        int pointsPossible,
        String message,
        long durationMillis) {

    public TestResult {
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (pointsPossible < 1) {
            throw new IllegalArgumentException(
                    "pointsPossible of " + testClass + "." + method + " must be at least 1, got " + pointsPossible);
        }
        int expected = status == TestStatus.PASSED ? pointsPossible : 0;
        if (pointsEarned != expected) {
            throw new IllegalArgumentException("a " + status.json() + " test earns " + expected + " of its "
                    + pointsPossible + " points, got pointsEarned " + pointsEarned + " for " + testClass + "." + method);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException(
                    "durationMillis of " + testClass + "." + method + " must not be negative, got " + durationMillis);
        }
    }

    /** A test that has not finished (yet), worth {@code points}. */
    public static TestResult notRun(String testClass, String method, String displayName, int points, String message) {
        return new TestResult(testClass, method, displayName, TestStatus.NOT_RUN, 0, points, message, 0);
    }

    /** The same test, finished with this status, message and duration; points follow from the status. */
    public TestResult finished(TestStatus status, String message, long durationMillis) {
        int earned = status == TestStatus.PASSED ? pointsPossible : 0;
        return new TestResult(testClass, method, displayName, status, earned, pointsPossible, message, durationMillis);
    }

    /** {@code SimpleClassName.method}, short enough for a report line. */
    public String shortName() {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
        return method.isEmpty() ? simple : simple + "." + method;
    }

    public boolean passed() {
        return status == TestStatus.PASSED;
    }
}
