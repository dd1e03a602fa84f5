package procbook.grading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The results of one run of a lesson's tests, as its grade file holds them.
 *
 * @param lesson    the lesson's folder name, e.g. {@code 01-process}
 * @param edition   {@code student} for a lesson module's run, {@code reference} for a solution's
 * @param title     the lesson's title; empty when the run did not know it
 * @param startedAt when the test run started
 * @param finished  whether the test run reached its end; false while it runs, or if its JVM died
 * @param tests     every graded test of the run, in the order JUnit planned them
 */
public record LessonGrade(
        String lesson, String edition, String title, Instant startedAt, boolean finished, List<TestResult> tests) {

    public LessonGrade {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startedAt, "startedAt");
        tests = List.copyOf(tests);
        if (lesson.isBlank()) {
            throw new IllegalArgumentException("a lesson id must not be blank");
        }
    }

    public int testsPassed() {
        return count(TestStatus.PASSED);
    }

    public int testsNotRun() {
        return count(TestStatus.NOT_RUN);
    }

    public int pointsEarned() {
        return tests.stream().mapToInt(TestResult::pointsEarned).sum();
    }

    public int pointsPossible() {
        return tests.stream().mapToInt(TestResult::pointsPossible).sum();
    }

    /** Every test passed, and there was at least one. */
    public boolean fullMarks() {
        return !tests.isEmpty() && testsPassed() == tests.size();
    }

    /** The tests that did not pass, in plan order. */
    public List<TestResult> notPassed() {
        return tests.stream().filter(t -> !t.passed()).toList();
    }

    private int count(TestStatus status) {
        return (int) tests.stream().filter(t -> t.status() == status).count();
    }
}
