package procbook.grading;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the report says about one lesson: its results, if its tests ran in this build, and a verdict.
 *
 * @param lesson  the lesson's folder
 * @param grade   the results of this build's run of its tests; empty if there are none
 * @param verdict what the results amount to
 * @param detail  why there are no results, or what the verdict rests on; for the Markdown report
 */
record LessonOutcome(LessonFolder lesson, Optional<LessonGrade> grade, Verdict verdict, String detail) {

    enum Verdict {
        DONE("done"),
        NOT_DONE_YET("not-done-yet"),
        FAILING("failing"),
        CRASHED("crashed-or-hung"),
        NO_RESULTS("no-results"),
        /** Graded by {@code ./procbook grade} and thrown out: its run changed the course, or an earlier run did. */
        VOID("void");

        final String json;

        Verdict(String json) {
            this.json = json;
        }
    }

    LessonOutcome {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
        if (grade.isEmpty() && verdict != Verdict.NO_RESULTS && verdict != Verdict.VOID) {
            throw new IllegalArgumentException("a lesson without results has the verdict NO_RESULTS or VOID, not " + verdict);
        }
    }

    /**
     * Reads the lesson's grade file and judges it. Results older than {@code buildStarted} are from an
     * earlier build (this build's test run did not happen, e.g. the lesson did not compile): ignored.
     */
    static LessonOutcome of(LessonFolder lesson, Optional<Instant> buildStarted) {
        if (!Files.isRegularFile(lesson.gradeFile())) {
            return noResults(lesson, "no grade file: " + lesson.id() + "'s tests did not run in this build");
        }
        LessonGrade grade;
        try {
            grade = GradeFile.read(lesson.gradeFile());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return noResults(lesson, e.getMessage());
        }
        if (buildStarted.isPresent() && grade.startedAt().isBefore(buildStarted.get())) {
            return noResults(lesson, "no results from this build: the grade file is from an earlier build ("
                    + grade.startedAt() + "), so " + lesson.id() + "'s tests did not run this time");
        }
        return judge(lesson, grade);
    }

    static LessonOutcome judge(LessonFolder lesson, LessonGrade grade) {
        int notRun = grade.testsNotRun();
        if (notRun > 0) {
            return new LessonOutcome(lesson, Optional.of(grade), Verdict.CRASHED,
                    notRun + " of " + grade.tests().size() + " tests never finished: the test JVM hung or crashed");
        }
        if (grade.tests().isEmpty()) {
            return new LessonOutcome(lesson, Optional.of(grade), Verdict.NO_RESULTS, "the test run found no tests");
        }
        if (grade.fullMarks()) {
            return new LessonOutcome(lesson, Optional.of(grade), Verdict.DONE, "every test passed");
        }
        long notDoneYet = grade.notPassed().stream().filter(LessonOutcome::saysNotDoneYet).count();
        if (notDoneYet == grade.notPassed().size()) {
            return new LessonOutcome(lesson, Optional.of(grade), Verdict.NOT_DONE_YET,
                    "every failing test says it is not done yet");
        }
        return new LessonOutcome(lesson, Optional.of(grade), Verdict.FAILING,
                (grade.notPassed().size() - notDoneYet) + " tests fail for a reason other than 'not done yet'");
    }

    private static LessonOutcome noResults(LessonFolder lesson, String detail) {
        return new LessonOutcome(lesson, Optional.empty(), Verdict.NO_RESULTS, detail);
    }

    static boolean saysNotDoneYet(TestResult test) {
        return test.status() == TestStatus.FAILED && procbook.testkit.NotDoneYet.isTheReason(test.message());
    }

    /** The status column: short, and what to do next is plain from it. */
    String status() {
        return switch (verdict) {
            case DONE -> "done";
            case NOT_DONE_YET -> "not done yet";
            case CRASHED -> "crashed or hung — " + grade.orElseThrow().testsNotRun() + " tests never finished";
            case NO_RESULTS -> grade.isPresent()
                    ? "no results — the test run found no tests"
                    : detail.startsWith("did not compile") ? "no results — it did not compile"
                    : detail.startsWith("the lesson's test JVM") ? "no results — its test JVM ended before any test"
                    : "no results — the tests did not run (compile error?)";
            case VOID -> detail.startsWith("tampered") ? "void — its run changed the course's files"
                    : "not graded — an earlier lesson's run changed the course's files";
            case FAILING -> {
                LessonGrade g = grade.orElseThrow();
                long notDoneYet = g.notPassed().stream().filter(LessonOutcome::saysNotDoneYet).count();
                long failing = g.notPassed().size() - notDoneYet;
                yield notDoneYet == 0 ? failing + " failing" : failing + " failing, " + notDoneYet + " not done yet";
            }
        };
    }

    String title() {
        return grade.map(LessonGrade::title).filter(t -> !t.isEmpty()).orElse(lesson.title());
    }

    int testsPassed() {
        return grade.map(LessonGrade::testsPassed).orElse(0);
    }

    int tests() {
        return grade.map(g -> g.tests().size()).orElse(0);
    }

    int pointsEarned() {
        return grade.map(LessonGrade::pointsEarned).orElse(0);
    }

    int pointsPossible() {
        return grade.map(LessonGrade::pointsPossible).orElse(0);
    }
}
