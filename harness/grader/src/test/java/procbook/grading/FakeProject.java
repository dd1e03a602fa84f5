package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A project root with lesson folders and grade files, as a build would leave them. */
final class FakeProject {
    static final Instant BUILD_STARTED = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant DURING_BUILD = BUILD_STARTED.plusSeconds(30);

    final Path root;

    FakeProject(Path root) {
        this.root = root;
    }

    /** A lesson folder with a pom whose name is {@code title}. */
    FakeProject lesson(String id, String title) {
        Path dir = root.resolve("lessons").resolve(id);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pom.xml"), "<project>\n  <parent>\n    <artifactId>lessons</artifactId>\n"
                    + "  </parent>\n  <artifactId>lesson-" + id + "</artifactId>\n  <name>" + title + "</name>\n</project>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The lesson's grade file, as a run that started at {@code startedAt} left it. */
    FakeProject graded(String id, Instant startedAt, TestResult... tests) {
        boolean finished = List.of(tests).stream().noneMatch(t -> t.status() == TestStatus.NOT_RUN);
        GradeFile.write(root.resolve("lessons").resolve(id).resolve(GradeFile.IN_MODULE),
                new LessonGrade(id, "student", "", startedAt, finished, List.of(tests)));
        return this;
    }

    LessonFolder folder(String id) {
        return LessonFolder.under(root.resolve("lessons")).stream()
                .filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    static TestResult passed(String method, int points) {
        return new TestResult("procbook.lesson.SomeTest", method, method + "()", TestStatus.PASSED, points, points, "", 5);
    }

    static TestResult failed(String method, int points, String message) {
        return new TestResult("procbook.lesson.SomeTest", method, method + "()", TestStatus.FAILED, 0, points, message, 5);
    }

    static TestResult notRun(String method, int points) {
        return TestResult.notRun("procbook.lesson.SomeTest", method, method + "()", points, Scoreboard.NOT_RUN_MESSAGE);
    }

    static TestResult[] notDoneYet(int count) {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tests.add(failed("test" + i, 1, "Not done yet: step " + i));
        }
        return tests.toArray(TestResult[]::new);
    }
}
