package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;

@DisplayName("The grading listener")
class GradingListenerTest {
    @TempDir
    Path dir;

    private TestResult test(LessonGrade grade, String method) {
        return grade.tests().stream().filter(t -> t.method().equals(method)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("gives a passing test its points and a failing one none, with the failure's first lines")
    void passedAndFailed() {
        // GIVEN a class worth 3 points a test, one test worth 5, and tests that pass and fail
        // WHEN it runs graded
        LessonGrade grade = GradedRun.of(dir.resolve("grade.json"), GradingFixtures.Mixed.class);

        // THEN each test is listed once, in order, with its points and status
        assertThat(grade.tests())
                .extracting(TestResult::method, TestResult::status, TestResult::pointsEarned, TestResult::pointsPossible)
                .containsExactly(
                        tuple("passes", TestStatus.PASSED, 3, 3),
                        tuple("failsAnAssertion", TestStatus.FAILED, 0, 5),
                        tuple("throwsSomethingElse", TestStatus.FAILED, 0, 3),
                        tuple("assumesWrongly", TestStatus.ABORTED, 0, 3),
                        tuple("disabled", TestStatus.ABORTED, 0, 3),
                        tuple("sleeps", TestStatus.PASSED, 3, 3));
        // AND the lesson earns the sum of its passed tests' points
        assertThat(grade.pointsEarned()).isEqualTo(6);
        assertThat(grade.pointsPossible()).isEqualTo(20);
        // AND the run is recorded as finished, for the lesson and edition it was given
        assertThat(grade.finished()).isTrue();
        assertThat(grade.lesson()).isEqualTo("99-fixture");
        assertThat(grade.edition()).isEqualTo("student");
    }

    @Test
    @DisplayName("keeps an assertion's message as it is, and names any other exception")
    void messages() {
        // GIVEN tests failing by an assertion, by another exception, by an assumption, and disabled
        // WHEN they run graded
        LessonGrade grade = GradedRun.of(dir.resolve("grade.json"), GradingFixtures.Mixed.class);

        // THEN each message says why, in the test's own words
        assertThat(test(grade, "failsAnAssertion").message()).startsWith("[one plus one]").contains("expected: 3");
        assertThat(test(grade, "throwsSomethingElse").message()).isEqualTo("IllegalStateException: the child is gone");
        assertThat(test(grade, "assumesWrongly").message()).contains("needs a POSIX system");
        assertThat(test(grade, "disabled").message()).isEqualTo("skipped: until lesson 9");
        // AND a passing test has no message, but its display name and duration
        TestResult passes = test(grade, "passes");
        assertThat(passes.message()).isEmpty();
        assertThat(passes.displayName()).isEqualTo("passes, worth the class's 3 points");
        assertThat(passes.testClass()).isEqualTo(GradingFixtures.Mixed.class.getName());
        assertThat(test(grade, "sleeps").durationMillis()).isGreaterThanOrEqualTo(50);
    }

    @Test
    @DisplayName("counts 1 point for a test without @Points, and an enclosing class's points for a @Nested one")
    void defaultAndNestedPoints() {
        // GIVEN a class without @Points, with a @Nested class worth 2
        // WHEN it runs graded
        LessonGrade grade = GradedRun.of(dir.resolve("grade.json"), GradingFixtures.Unannotated.class);

        // THEN the plain test is worth 1, the nested one 2, and the nested one's name says where it is
        assertThat(grade.tests())
                .extracting(TestResult::method, TestResult::displayName, TestResult::pointsPossible)
                .containsExactlyInAnyOrder(
                        tuple("worthOne", "worthOne()", 1),
                        tuple("inner", "when nested > counts the inner class's points", 2));
    }

    @Test
    @DisplayName("counts a parameterized test or a test factory once, failing it when one invocation fails")
    void invocationsCountOnce() {
        // GIVEN a parameterized test with one failing invocation, and a factory whose tests all pass
        // WHEN they run graded
        LessonGrade grade = GradedRun.of(dir.resolve("grade.json"), GradingFixtures.Invocations.class);

        // THEN each counts once, with its own points
        assertThat(grade.tests())
                .extracting(TestResult::method, TestResult::status, TestResult::pointsPossible)
                .containsExactlyInAnyOrder(
                        tuple("oneInvocationFails", TestStatus.FAILED, 4),
                        tuple("allPass", TestStatus.PASSED, 2));
        // AND the failure names the invocation that failed
        assertThat(test(grade, "oneInvocationFails").message()).endsWith("(in exit code 1)");
    }

    @Test
    @DisplayName("fails the tests of a class whose @BeforeAll fails, with its message, instead of leaving them not run")
    void failingSetUp() {
        // GIVEN a class whose @BeforeAll says the lesson is not done yet
        // WHEN it runs graded
        LessonGrade grade = GradedRun.of(dir.resolve("grade.json"), GradingFixtures.BrokenSetUp.class);

        // THEN both its tests failed with that message, which the report recognises
        assertThat(grade.tests())
                .extracting(TestResult::method, TestResult::status, TestResult::message)
                .containsExactlyInAnyOrder(
                        tuple("first", TestStatus.FAILED, "Not done yet: start the child in Parent.main"),
                        tuple("second", TestStatus.FAILED, "Not done yet: start the child in Parent.main"));
    }

    @Test
    @DisplayName("fails a test marked @Points(0), saying where and why, even though the test passes")
    void badPoints() {
        // GIVEN a passing test marked @Points(0)
        // WHEN it runs graded
        LessonGrade grade = GradedRun.of(dir.resolve("grade.json"), GradingFixtures.BadPoints.class);

        // THEN it failed, worth the default point, with the exact message
        TestResult result = grade.tests().get(0);
        assertThat(result.status()).isEqualTo(TestStatus.FAILED);
        assertThat(result.pointsPossible()).isEqualTo(1);
        assertThat(result.message()).isEqualTo("@Points(0) on " + GradingFixtures.BadPoints.class.getName()
                + ".worthNothing: a test is worth at least 1 point");
    }

    @Test
    @DisplayName("keeps the file truthful during the run: a test not finished yet is 'not-run', as if its JVM had died")
    void truthfulWhileRunning() {
        // GIVEN a run whose second test reads the grade file
        Path file = dir.resolve("grade.json");
        GradingFixtures.Snapshot.file = file;

        // WHEN it runs graded
        GradedRun.of(file, GradingFixtures.Snapshot.class);

        // THEN at that moment, the first test had passed, and the others, the one running included, were not run
        LessonGrade seen = GradingFixtures.Snapshot.seen;
        assertThat(seen.finished()).isFalse();
        assertThat(seen.tests())
                .extracting(TestResult::method, TestResult::status, TestResult::pointsPossible)
                .containsExactly(
                        tuple("first", TestStatus.PASSED, 1),
                        tuple("readsTheFile", TestStatus.NOT_RUN, 1),
                        tuple("last", TestStatus.NOT_RUN, 7));
        // AND a test not run says what that means
        assertThat(seen.tests().get(2).message())
                .isEqualTo("not run: the lesson's test JVM ended before this test finished — it hung or crashed");
    }

    @Test
    @DisplayName("is registered as a JUnit service, and does nothing unless procbook.grade.file is set")
    void serviceAndSwitch() {
        // GIVEN the services JUnit loads
        ServiceLoader<TestExecutionListener> services = ServiceLoader.load(TestExecutionListener.class);

        // THEN the grading listener is one of them
        assertThat(services.stream().map(ServiceLoader.Provider::type)).contains(GradingListener.class);

        // AND WHEN created while procbook.grade.file is not set (a harness test run), it does not grade
        String before = System.getProperty(GradingListener.GRADE_FILE);
        try {
            System.clearProperty(GradingListener.GRADE_FILE);
            assertThat(new GradingListener().active()).isFalse();
            // AND WHEN it is set, it does
            System.setProperty(GradingListener.GRADE_FILE, dir.resolve("grade.json").toString());
            assertThat(new GradingListener().active()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(GradingListener.GRADE_FILE);
            } else {
                System.setProperty(GradingListener.GRADE_FILE, before);
            }
        }
    }
}
