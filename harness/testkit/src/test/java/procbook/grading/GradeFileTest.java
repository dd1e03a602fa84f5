package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A grade file")
class GradeFileTest {
    @TempDir
    Path dir;

    static LessonGrade sample() {
        return new LessonGrade("01-process", "student", "Lesson 01 — a process", Instant.parse("2025-01-31T12:00:00Z"),
                true, List.of(
                        new TestResult("procbook.lesson01.ProcessTest", "startsChild", "starts a child", TestStatus.PASSED,
                                2, 2, "", 812),
                        new TestResult("procbook.lesson01.ProcessTest", "joins", "joins it", TestStatus.FAILED,
                                0, 3, "Not done yet: join the child\nsecond line", 35),
                        TestResult.notRun("procbook.lesson01.ProcessTest", "last", "last()", 1, Scoreboard.NOT_RUN_MESSAGE)));
    }

    @Test
    @DisplayName("reads back what was written")
    void roundTrip() {
        // GIVEN a lesson's grade
        LessonGrade grade = sample();
        Path file = dir.resolve("target/procbook-grade.json");

        // WHEN it is written (its folder does not exist yet) and read back
        GradeFile.write(file, grade);

        // THEN it is the same, and the file holds the sums for people too
        assertThat(GradeFile.read(file)).isEqualTo(grade);
        assertThat(file).content().contains("\"pointsEarned\": 2,", "\"pointsPossible\": 6,", "\"status\": \"not-run\"");
    }

    @Test
    @DisplayName("is replaced in one step, leaving no temporary file behind")
    void atomic() throws Exception {
        // GIVEN a grade file
        Path file = dir.resolve("procbook-grade.json");
        GradeFile.write(file, sample());

        // WHEN it is written again
        GradeFile.write(file, sample());

        // THEN the folder holds that file alone
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @DisplayName("that is damaged is refused with its path and the fault")
    void damaged() throws Exception {
        // GIVEN a file cut short, and one missing a field
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, "{\"format\": 1, \"lesson\": ");
        Path missing = dir.resolve("missing.json");
        Files.writeString(missing, Json.write(GradeJson.toTree(sample())).replace("\"edition\"", "\"editio\""));

        // WHEN they are read
        // THEN the errors say which file and what is wrong
        assertThatThrownBy(() -> GradeFile.read(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the grade file " + cut + " is damaged: not valid JSON at line 1, column 25: Unexpected end-of-input");
        assertThatThrownBy(() -> GradeFile.read(missing))
                .hasMessage("the grade file " + missing + " is damaged: the grade: field 'edition' is missing");
    }

    @Test
    @DisplayName("of another format version is refused, saying what to do")
    void otherFormat() throws Exception {
        // GIVEN a file of format 2
        Path file = dir.resolve("future.json");
        Files.writeString(file, Json.write(GradeJson.toTree(sample())).replace("\"format\": 1", "\"format\": 2"));

        // WHEN it is read
        // THEN the error says to rebuild with one version
        assertThatThrownBy(() -> GradeFile.read(file))
                .hasMessageEndingWith("the grade has format 2, this reader knows format 1: rebuild the lessons and the"
                        + " report with the same Procbook version");
    }

    @Test
    @DisplayName("that is absent cannot be read, and the error says which")
    void absent() {
        // GIVEN no file
        Path file = dir.resolve("none.json");

        // WHEN it is read
        // THEN the error names it
        assertThatThrownBy(() -> GradeFile.read(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the grade file " + file);
    }
}
