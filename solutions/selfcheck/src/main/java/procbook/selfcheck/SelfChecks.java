package procbook.selfcheck;

import procbook.grading.Mutant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import procbook.grading.GradeFile;
import procbook.grading.LessonGrade;
import procbook.grading.TestResult;
import procbook.grading.TestStatus;

/**
 * The three proofs of a lesson, and the one about its wrong solutions. Each returns what it found,
 * for the log, or throws an {@link AssertionError} that says what is wrong and what to do.
 */
public final class SelfChecks {
    /** A stub must fail each test fast: a student runs them often. */
    public static final Duration STUB_TEST_LIMIT = Duration.ofSeconds(20);
    /** Any one run of a lesson's tests, a last resort: every scenario has a time limit of its own. */
    public static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    public static final String NOT_DONE_YET = procbook.testkit.NotDoneYet.FAILURE_PREFIX;

    private final Path work;

    /** Checks that keep their runs and mutants under {@code work} (the module's {@code target}). */
    public SelfChecks(Path work) {
        this.work = work;
    }

    /** The untouched stub fails every test, each with "Not done yet", each fast, and earns 0 points. */
    public String stub(LessonPair lesson) {
        LessonGrade grade = LessonRun.run(lesson.id(), "stub", lesson.lessonTestClasses(), lesson.stubClasses(),
                work.resolve("runs").resolve(lesson.id()).resolve("stub").resolve(GradeFile.IN_MODULE), RUN_LIMIT);
        List<String> problems = new ArrayList<>();
        if (grade.tests().isEmpty()) {
            problems.add("JUnit found no tests in " + lesson.lessonTestClasses());
        }
        for (TestResult test : grade.tests()) {
            if (test.passed()) {
                problems.add(name(test) + " passed: a test that the untouched stub passes proves nothing;"
                        + " make it check what the TODOs ask for");
            } else if (test.status() != TestStatus.FAILED) {
                problems.add(name(test) + " was " + test.status().json() + ", not failed: " + firstLine(test));
            } else if (!test.message().startsWith(NOT_DONE_YET)) {
                problems.add(name(test) + " failed, but not with '" + NOT_DONE_YET + "': " + firstLine(test)
                        + "; the stub must only throw UnsupportedOperationException(\"not done yet: ...\")"
                        + " where the student has work to do, and the kit turns that into 'Not done yet'");
            }
            if (test.durationMillis() > STUB_TEST_LIMIT.toMillis()) {
                problems.add(name(test) + " took " + seconds(test.durationMillis()) + " to fail, over "
                        + STUB_TEST_LIMIT.toSeconds() + " s: a stub must fail fast, so make it throw before it waits");
            }
        }
        if (grade.pointsEarned() != 0) {
            problems.add("the grading gave it " + grade.pointsEarned() + " of " + grade.pointsPossible()
                    + " points, not 0");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(lesson.id() + ": the untouched stub (lessons/" + lesson.id()
                    + ") must fail every test with '" + NOT_DONE_YET + "' within " + STUB_TEST_LIMIT.toSeconds()
                    + " s, but:" + bullets(problems));
        }
        long slowest = grade.tests().stream().mapToLong(TestResult::durationMillis).max().orElse(0);
        return lesson.id() + ": the stub fails all " + grade.tests().size() + " tests with '" + NOT_DONE_YET
                + "', the slowest in " + seconds(slowest) + "; 0 of " + grade.pointsPossible() + " points";
    }

    /** The solution module's own test run, against the reference, scored full marks. */
    public String reference(LessonPair lesson) {
        Path file = lesson.referenceGradeFile();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(lesson.id() + ": the reference has no grade file " + file + ": the tests of"
                    + " solutions/" + lesson.id() + " did not run in this build; run ./mvnw verify without"
                    + " -DskipTests, or check that its pom sets procbook.grade.file");
        }
        LessonGrade grade = GradeFile.read(file);
        if (!grade.fullMarks() || grade.pointsEarned() != grade.pointsPossible()) {
            String failing = grade.tests().isEmpty()
                    ? bullets(List.of("its test run found no tests"))
                    : bullets(grade.notPassed().stream().map(t -> name(t) + " " + t.status().json() + ": " + firstLine(t)).toList());
            throw new AssertionError(lesson.id() + ": the reference (solutions/" + lesson.id() + ") must score full"
                    + " marks, but it has " + grade.testsPassed() + " of " + grade.tests().size() + " tests and "
                    + grade.pointsEarned() + " of " + grade.pointsPossible() + " points:" + failing);
        }
        return lesson.id() + ": the reference passes all " + grade.tests().size() + " tests, "
                + grade.pointsEarned() + " of " + grade.pointsPossible() + " points";
    }

    /** The lesson's tests catch the mutant: at least one fails, for a reason other than "Not done yet". */
    public String mutant(LessonPair lesson, Mutant mutant) {
        Path dir = work.resolve("mutants").resolve(lesson.id()).resolve(mutant.name());
        Path classes = MutantBuilder.build(lesson, mutant, dir);
        LessonGrade grade = LessonRun.run(lesson.id(), "mutant " + mutant.name(), lesson.referenceTestClasses(),
                classes, dir.resolve(GradeFile.IN_MODULE), RUN_LIMIT);
        String what = "mutant '" + mutant.name() + "' of " + lesson.id() + " (" + mutant.change() + ")";
        List<TestResult> failed = grade.tests().stream().filter(t -> t.status() == TestStatus.FAILED).toList();
        if (failed.isEmpty()) {
            throw new AssertionError(what + " passed every test — the tests do not catch this wrong solution;"
                    + " add a test that fails for it (or, if it is not wrong after all, remove it from solutions/"
                    + lesson.id() + "/" + Mutant.FILE_NAME + " line " + mutant.line() + ")");
        }
        List<TestResult> notDoneYet = failed.stream().filter(t -> t.message().startsWith(NOT_DONE_YET)).toList();
        if (!notDoneYet.isEmpty()) {
            throw new AssertionError(what + " failed " + notDoneYet.size() + " tests with '" + NOT_DONE_YET
                    + "': a mutant must be a wrong solution, not an unfinished one, so it must not throw"
                    + " UnsupportedOperationException(\"not done yet: ...\"):" + bullets(notDoneYet.stream().map(SelfChecks::name).toList()));
        }
        return what + " is caught by " + failed.size() + " of " + grade.tests().size() + " tests:"
                + bullets(failed.stream().map(t -> name(t) + ": " + firstLine(t)).toList());
    }

    /**
     * A program that does none of the lesson's work — {@code program} — earns 0 points: every test
     * asks that the work actually happened, not only that nothing went wrong.
     */
    public String vacuous(LessonPair lesson, VacuousProgram program) {
        Path dir = work.resolve("vacuous").resolve(lesson.id()).resolve(program.label());
        Path classes = MutantBuilder.build(lesson, program, dir);
        LessonGrade grade = LessonRun.run(lesson.id(), program.label(), lesson.referenceTestClasses(), classes,
                dir.resolve(GradeFile.IN_MODULE), RUN_LIMIT);
        String what = lesson.id() + ": " + program.description();
        if (grade.tests().isEmpty()) {
            throw new AssertionError(what + ": JUnit found no tests in " + lesson.referenceTestClasses());
        }
        List<TestResult> passed = grade.tests().stream().filter(TestResult::passed).toList();
        if (!passed.isEmpty() || grade.pointsEarned() != 0) {
            throw new AssertionError(what + " earned " + grade.pointsEarned() + " of " + grade.pointsPossible()
                    + " points, but it does none of the lesson's work: each test must also check that the work"
                    + " happened (the events it expects, as many as it expects), not only that nothing went wrong."
                    + " It passed:" + bullets(passed.stream().map(SelfChecks::name).toList()));
        }
        return what + " fails all " + grade.tests().size() + " tests, 0 of " + grade.pointsPossible() + " points";
    }

    private static String name(TestResult test) {
        return "`" + test.shortName() + "`";
    }

    private static String firstLine(TestResult test) {
        String line = test.message().lines().findFirst().orElse("(no message)");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String bullets(List<String> lines) {
        return lines.stream().map(l -> "\n  - " + l).collect(Collectors.joining());
    }
}
