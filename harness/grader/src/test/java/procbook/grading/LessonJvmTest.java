package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A lesson's test JVM under the grader")
class LessonJvmTest {
    private static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

    @TempDir
    Path tmp;

    private LessonJvm.Outcome run(String fixturePackage, Duration limit) throws Exception {
        Path log = tmp.resolve("lesson.log");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        return LessonJvm.run(Sandbox.none("a test of the grader"), List.of(), List.of(), "99-fixture", "Fixture", TEST_CLASSES,
                "procbook.grading.fixtures." + fixturePackage, System.getProperty("java.class.path"), log, scratch, limit);
    }

    @Test
    @DisplayName("a JVM killed mid-lesson keeps the tests it finished and gives 'crashed' for the rest")
    void killedMidLesson() throws Exception {
        // GIVEN a lesson whose second test kills its own JVM, WHEN it runs
        LessonJvm.Outcome run = run("crash", Duration.ofSeconds(60));

        // THEN the first test's pass stands and the JVM's end is told in words
        assertThat(run.finishedNormally()).isFalse();
        assertThat(run.ending()).isEqualTo("was ended by SIGKILL (exit code 137)");
        LessonGrade grade = run.grade().orElseThrow();
        assertThat(grade.pointsEarned()).isEqualTo(2);
        assertThat(grade.pointsPossible()).isEqualTo(10);

        // AND the grader's verdict names the crash for the unfinished tests
        LessonOutcome outcome = Grade.judge(new LessonFolder("99-fixture", tmp, "Fixture"), run);
        assertThat(outcome.verdict()).isEqualTo(LessonOutcome.Verdict.CRASHED);
        assertThat(outcome.detail()).isEqualTo("2 of 3 tests never finished: the lesson's test JVM was ended by SIGKILL (exit code 137)");
        assertThat(outcome.grade().orElseThrow().tests().get(1).message()).startsWith("crashed: the lesson's test JVM was ended by SIGKILL");
    }

    @Test
    @DisplayName("a hanging lesson is stopped at its time limit, and its unfinished test earns nothing")
    void hangingLesson() throws Exception {
        // GIVEN a lesson whose test never ends, WHEN it runs with a 5 s limit
        LessonJvm.Outcome run = run("hang", Duration.ofSeconds(5));

        // THEN it is stopped, and says so
        assertThat(run.ending()).isEqualTo("ran past the lesson's time limit of 5 s and was stopped");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(40));
        assertThat(run.grade().orElseThrow().pointsEarned()).isZero();
    }

    @Test
    @DisplayName("results written onto the channel by a test's own code are not signed, so they are ignored")
    void forgedResults() throws Exception {
        // GIVEN a failing test that prints made-up results where the grader reads, WHEN it runs
        LessonJvm.Outcome run = run("forge", Duration.ofSeconds(60));

        // THEN the grader counted the forged lines and kept the real, failing, result
        assertThat(run.unsignedLines()).isEqualTo(5);
        LessonGrade grade = run.grade().orElseThrow();
        assertThat(grade.lesson()).isEqualTo("99-fixture");
        assertThat(grade.tests()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TestStatus.FAILED));
        assertThat(grade.pointsEarned()).isZero();
    }
}
