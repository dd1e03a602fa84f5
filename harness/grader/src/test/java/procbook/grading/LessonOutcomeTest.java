package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.grading.FakeProject.BUILD_STARTED;
import static procbook.grading.FakeProject.DURING_BUILD;
import static procbook.grading.FakeProject.failed;
import static procbook.grading.FakeProject.notDoneYet;
import static procbook.grading.FakeProject.notRun;
import static procbook.grading.FakeProject.passed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import procbook.grading.LessonOutcome.Verdict;

@DisplayName("A lesson's outcome")
class LessonOutcomeTest {
    @TempDir
    Path dir;
    FakeProject project;

    @BeforeEach
    void lesson() {
        project = new FakeProject(dir).lesson("01-process", "Lesson 01 — a process");
    }

    private LessonOutcome outcome() {
        return LessonOutcome.of(project.folder("01-process"), Optional.of(BUILD_STARTED));
    }

    @Test
    @DisplayName("is 'done' with full marks")
    void done() {
        // GIVEN a run where every test passed
        project.graded("01-process", DURING_BUILD, passed("a", 1), passed("b", 2));

        // WHEN it is judged
        LessonOutcome outcome = outcome();

        // THEN it is done, with all its points
        assertThat(outcome.verdict()).isEqualTo(Verdict.DONE);
        assertThat(outcome.status()).isEqualTo("done");
        assertThat(outcome.pointsEarned()).isEqualTo(3);
        assertThat(outcome.title()).isEqualTo("Lesson 01 — a process");
    }

    @Test
    @DisplayName("is 'not done yet' when every failure says Not done yet, even if some tests pass")
    void notDoneYetStatus() {
        // GIVEN an untouched stub's run, and a half-done one
        project.graded("01-process", DURING_BUILD, notDoneYet(3));
        LessonOutcome untouched = outcome();
        project.graded("01-process", DURING_BUILD, passed("a", 1), failed("b", 1, "Not done yet: b"));
        LessonOutcome halfDone = outcome();

        // WHEN they are judged
        // THEN both are not done yet
        assertThat(untouched.status()).isEqualTo("not done yet");
        assertThat(halfDone.status()).isEqualTo("not done yet");
        assertThat(halfDone.pointsEarned()).isEqualTo(1);
    }

    @Test
    @DisplayName("counts the failing tests, apart from those not done yet")
    void failing() {
        // GIVEN a run with two real failures and one test not done yet
        project.graded("01-process", DURING_BUILD,
                failed("a", 1, "expected: 0"), failed("b", 1, "IOException: x"), failed("c", 1, "Not done yet: c"));

        // WHEN it is judged
        LessonOutcome outcome = outcome();

        // THEN it counts them apart
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILING);
        assertThat(outcome.status()).isEqualTo("2 failing, 1 not done yet");
    }

    @Test
    @DisplayName("is 'N failing' when no failure says Not done yet")
    void failingOnly() {
        // GIVEN a run with one real failure
        project.graded("01-process", DURING_BUILD, passed("a", 1), failed("b", 1, "expected: 0"));

        // WHEN it is judged
        // THEN it says how many fail
        assertThat(outcome().status()).isEqualTo("1 failing");
    }

    @Test
    @DisplayName("is 'crashed or hung' when tests never finished, with their points possible still counted")
    void crashed() {
        // GIVEN a run whose JVM died after one test
        project.graded("01-process", DURING_BUILD, passed("a", 1), notRun("b", 2), notRun("c", 3));

        // WHEN it is judged
        LessonOutcome outcome = outcome();

        // THEN it says how many never finished
        assertThat(outcome.status()).isEqualTo("crashed or hung — 2 tests never finished");
        assertThat(outcome.pointsPossible()).isEqualTo(6);
        assertThat(outcome.pointsEarned()).isEqualTo(1);
    }

    @Test
    @DisplayName("has no results when there is no grade file, saying the tests did not run")
    void noFile() {
        // GIVEN a lesson without a grade file
        // WHEN it is judged
        LessonOutcome outcome = outcome();

        // THEN it has no results, and the status suggests why
        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_RESULTS);
        assertThat(outcome.grade()).isEmpty();
        assertThat(outcome.status()).isEqualTo("no results — the tests did not run (compile error?)");
        assertThat(outcome.detail()).isEqualTo("no grade file: 01-process's tests did not run in this build");
    }

    @Test
    @DisplayName("ignores a grade file from an earlier build: this build's tests did not run")
    void stale() {
        // GIVEN a grade file written before this build started
        project.graded("01-process", BUILD_STARTED.minusSeconds(3600), passed("a", 1));

        // WHEN it is judged
        LessonOutcome outcome = outcome();

        // THEN the old results do not count
        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_RESULTS);
        assertThat(outcome.pointsEarned()).isZero();
        assertThat(outcome.detail()).isEqualTo("no results from this build: the grade file is from an earlier build"
                + " (2025-03-01T09:00:00Z), so 01-process's tests did not run this time");
    }

    @Test
    @DisplayName("has no results when the grade file is damaged, saying so")
    void damaged() throws Exception {
        // GIVEN a damaged grade file
        Path file = project.folder("01-process").gradeFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{");

        // WHEN it is judged
        LessonOutcome outcome = outcome();

        // THEN it has no results, and the detail names the file
        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_RESULTS);
        assertThat(outcome.detail()).startsWith("the grade file " + file + " is damaged");
    }
}
