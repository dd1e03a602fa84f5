package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A test result and a lesson grade")
class TestResultTest {

    @Test
    @DisplayName("refuse points that do not follow from the status, with the exact reason")
    void validation() {
        // GIVEN results whose numbers contradict each other
        // WHEN they are made
        // THEN each is refused, saying what is wrong
        assertThatThrownBy(() -> new TestResult("a.B", "m", "m()", TestStatus.FAILED, 2, 2, "", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed test earns 0 of its 2 points, got pointsEarned 2 for a.B.m");
        assertThatThrownBy(() -> new TestResult("a.B", "m", "m()", TestStatus.PASSED, 1, 2, "", 0))
                .hasMessage("a passed test earns 2 of its 2 points, got pointsEarned 1 for a.B.m");
        assertThatThrownBy(() -> new TestResult("a.B", "m", "m()", TestStatus.PASSED, 0, 0, "", 0))
                .hasMessage("pointsPossible of a.B.m must be at least 1, got 0");
        assertThatThrownBy(() -> new TestResult("a.B", "m", "m()", TestStatus.PASSED, 1, 1, "", -1))
                .hasMessage("durationMillis of a.B.m must not be negative, got -1");
        assertThatThrownBy(() -> TestStatus.fromJson("skipped"))
                .hasMessage("unknown test status 'skipped': expected passed, failed, aborted or not-run");
    }

    @Test
    @DisplayName("earns its points only when it finishes as passed")
    void finishing() {
        // GIVEN a test not run yet, worth 3
        TestResult notRun = TestResult.notRun("a.B", "m", "m()", 3, "not run");

        // WHEN it finishes, passed or failed
        TestResult passed = notRun.finished(TestStatus.PASSED, "", 10);
        TestResult failed = notRun.finished(TestStatus.FAILED, "boom", 10);

        // THEN it earns 3 or 0
        assertThat(passed.pointsEarned()).isEqualTo(3);
        assertThat(failed.pointsEarned()).isZero();
        assertThat(passed.shortName()).isEqualTo("B.m");
    }

    @Test
    @DisplayName("adds up a lesson: partial credit is the sum of the passed tests' points")
    void sums() {
        // GIVEN a lesson with a passed test worth 2, a failed one worth 3 and one not run
        LessonGrade grade = GradeFileTest.sample();

        // THEN the sums and counts follow
        assertThat(grade.pointsEarned()).isEqualTo(2);
        assertThat(grade.pointsPossible()).isEqualTo(6);
        assertThat(grade.testsPassed()).isEqualTo(1);
        assertThat(grade.testsNotRun()).isEqualTo(1);
        assertThat(grade.fullMarks()).isFalse();
        assertThat(grade.notPassed()).extracting(TestResult::method).containsExactly("joins", "last");
        // AND a lesson without tests does not have full marks
        assertThat(new LessonGrade("01-x", "student", "", Instant.EPOCH, true, List.of()).fullMarks()).isFalse();
    }
}
