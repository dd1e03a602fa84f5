package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static procbook.grading.FakeProject.BUILD_STARTED;
import static procbook.grading.FakeProject.DURING_BUILD;
import static procbook.grading.FakeProject.failed;
import static procbook.grading.FakeProject.notDoneYet;
import static procbook.grading.FakeProject.notRun;
import static procbook.grading.FakeProject.passed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The grade report")
class GradeReportTest {
    @TempDir
    Path root;
    FakeProject project;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void fiveLessons() {
        // GIVEN six lessons: done, half done, failing, crashed, one whose tests did not run, and one untouched
        project = new FakeProject(root)
                .lesson("01-process", "Lesson 01 — a process")
                .lesson("02-exit-codes", "Lesson 02 — exit codes")
                .lesson("03-daemons", "Lesson 03 — daemons")
                .lesson("04-pipes", "Lesson 04 — pipes")
                .lesson("05-queues", "Lesson 05 — queues")
                .lesson("06-untouched", "Lesson 06 — untouched")
                .graded("01-process", DURING_BUILD, passed("starts", 2), passed("joins", 3))
                .graded("02-exit-codes", DURING_BUILD, notDoneYet(4))
                .graded("03-daemons", DURING_BUILD, passed("a", 1), failed("b", 2, "expected: 0\n but was: 1"))
                .graded("04-pipes", DURING_BUILD, passed("a", 1), notRun("b", 1), notRun("c", 1))
                .graded("06-untouched", DURING_BUILD,
                        failed("first", 1, "Not done yet: start the child"), failed("second", 2, "Not done yet: start the child"));
    }

    private int run(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = root.toString();
        args[1] = "--build-started=" + BUILD_STARTED;
        System.arraycopy(options, 0, args, 2, options.length);
        return GradeReport.run(args, new PrintStream(console, true, StandardCharsets.UTF_8), env);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("prints one row per lesson folder, a total, and where the report is, last")
    void consoleTable() {
        // WHEN the report runs
        int code = run(Map.of());

        // THEN it is a report, not a gate
        assertThat(code).isZero();
        // AND the table lists every lesson, results or not, with its status
        List<String> lines = console().lines().toList();
        assertThat(lines).contains(
                "| 01-process    |   2/2 |    5/5 | done                                                |",
                "| 02-exit-codes |   0/4 |    0/4 | not done yet                                        |",
                "| 03-daemons    |   1/2 |    1/3 | 1 failing                                           |",
                "| 04-pipes      |   1/3 |    1/3 | crashed or hung - 2 tests never finished            |",
                "| 05-queues     |     - |      - | no results - the tests did not run (compile error?) |",
                "| Total         |  4/13 |   7/18 | 38% of the lessons with results                     |");
        // AND the total line and the report's place close the output
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Total: 7 of 18 points (38%), 4 of 13 tests passed,"
                + " 1 of 6 lessons done; 1 without results, their points unknown.");
        assertThat(lines.get(lines.size() - 1)).startsWith("Report: ").endsWith("report.md (and report.json beside it)");
        // AND the console sees ASCII only
        assertThat(console().chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    @DisplayName("writes report.json with every lesson, its results and the totals")
    void json() {
        // WHEN the report runs
        run(Map.of());

        // THEN report.json holds every lesson and the totals
        Path file = root.resolve("target/grading/report.json");
        Map<String, Object> report = map(Json.read(readString(file)));
        assertThat(map(report.get("totals"))).containsEntry("pointsEarned", 7L).containsEntry("pointsPossible", 18L)
                .containsEntry("lessonsWithoutResults", 1L).containsEntry("percent", 38L);
        List<Object> lessons = list(report.get("lessons"));
        assertThat(lessons).extracting(l -> map(l).get("verdict"))
                .containsExactly("done", "not-done-yet", "failing", "crashed-or-hung", "no-results", "not-done-yet");
        Map<String, Object> first = map(lessons.get(0));
        assertThat(first.get("title")).isEqualTo("Lesson 01 — a process");
        assertThat(list(first.get("results"))).hasSize(2);
    }

    @Test
    @DisplayName("writes report.md with the summary table and each test that did not pass, and adds it to the CI job summary")
    void markdown() throws Exception {
        // GIVEN a CI job summary file that already has content
        Path summary = root.resolve("summary.md");
        Files.writeString(summary, "# Build\n");

        // WHEN the report runs on CI
        run(Map.of(GradeReport.SUMMARY_ENV, summary.toString()));

        // THEN report.md has the table and the failures, their messages included
        String md = readString(root.resolve("target/grading/report.md"));
        assertThat(md).contains(
                "| 01-process | Lesson 01 — a process | 2/2 | 5/5 | done |",
                "| 05-queues | Lesson 05 — queues | - | - | no results — the tests did not run (compile error?) |",
                "| **Total** | | **4/13** | **7/18** | **38%** of the lessons with results |",
                "#### 02-exit-codes: not done yet",
                "- `SomeTest.test1`, 1 point, failed: Not done yet: step 1",
                "#### 06-untouched: not done yet\n\nAll 2 fail with: Not done yet: start the child\n\n"
                        + "- `SomeTest.first`, 1 point\n- `SomeTest.second`, 2 points\n",
                "- `SomeTest.b`, 2 points, failed: expected: 0\n\n  ```\n   but was: 1\n  ```",
                "- `SomeTest.b`, 1 point: not run: the lesson's test JVM ended before this test finished — it hung or crashed",
                "no grade file: 05-queues's tests did not run in this build");
        assertThat(md).doesNotContain("#### 01-process");
        // AND the job summary got the same Markdown, after what it had
        assertThat(readString(summary)).isEqualTo("# Build\n" + md + "\n");
    }

    @Test
    @DisplayName("fails, as a gate, only when asked to and the points fall short")
    void gate() {
        // GIVEN results for every lesson: 7 of 19 points, 36%
        project.graded("05-queues", DURING_BUILD, failed("a", 1, "Not done yet: a"));

        // WHEN the gate asks for 30%, then 40%
        int low = run(Map.of(), "--fail-under=30");
        String lowOutput = console();
        console.reset();
        int high = run(Map.of(), "--fail-under=40");

        // THEN the first passes and the second fails, each saying so last
        assertThat(low).isZero();
        assertThat(lowOutput.lines().reduce((a, b) -> b)).contains("Gate passed: 36% of the points, 30% required.");
        assertThat(high).isEqualTo(1);
        assertThat(console().lines().reduce((a, b) -> b))
                .contains("Gate FAILED: 36% of the points, 40% required (procbook.grade.failUnder).");
    }

    @Test
    @DisplayName("fails a gate when a lesson has no results, since its points are unknown")
    void gateWithoutResults() {
        // GIVEN a lesson without results
        // WHEN even a 0% gate is asked for
        int code = run(Map.of(), "--fail-under=0");

        // THEN it fails, saying why
        assertThat(code).isEqualTo(1);
        assertThat(console().lines().reduce((a, b) -> b)).contains(
                "Gate FAILED: 1 lessons have no results, so their points are unknown, 0% required (procbook.grade.failUnder).");
    }

    @Test
    @DisplayName("exits with 2 on a bad command line, saying how to call it")
    void badCommandLine() {
        // WHEN the gate is not a number
        int code = run(Map.of(), "--fail-under=lots");

        // THEN the report does not run
        assertThat(code).isEqualTo(2);
        assertThat(console()).startsWith("grade report: --fail-under must be a percentage from 0 to 100, got lots");
        assertThat(root.resolve("target/grading/report.json")).doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
