package procbook.grading;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts a lesson's points while its tests run, and keeps its grade file up to date.
 *
 * <p>JUnit finds it through {@code META-INF/services}; it grades only when the system property
 * {@value #GRADE_FILE} names the file to write (the lesson and solution poms set it, with
 * {@value #LESSON}, {@value #EDITION} and, optionally, {@value #TITLE}). As the run starts, the file
 * lists every test as not run; it is rewritten, in one step, as each test finishes. So a test JVM
 * that hangs or crashes still leaves a truthful file behind.
 */
public final class GradingListener implements TestExecutionListener {
    public static final String GRADE_FILE = "procbook.grade.file";
    public static final String LESSON = "procbook.lesson";
    public static final String EDITION = "procbook.edition";
    public static final String TITLE = "procbook.lesson.title";

    private final java.util.function.Consumer<LessonGrade> sink;
    private final Scoreboard scoreboard;

    /** For JUnit's service loader: grades into the file named by {@value #GRADE_FILE}, if any. */
    public GradingListener() {
        String name = System.getProperty(GRADE_FILE, "").strip();
        if (name.isEmpty()) {
            sink = null;
            scoreboard = null;
        } else {
            Path file = Path.of(name);
            sink = grade -> GradeFile.write(file, grade);
            scoreboard = new Scoreboard(property(LESSON, "unset"), property(EDITION, "student"), property(TITLE, ""));
        }
    }

    private GradingListener(java.util.function.Consumer<LessonGrade> sink, String lesson, String edition, String title) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.scoreboard = new Scoreboard(lesson, edition, title);
    }

    /**
     * A listener for a launcher of your own, e.g. one that runs a lesson's tests in-process: it grades
     * into {@code gradeFile}, whatever the system properties say.
     */
    public static GradingListener writingTo(Path gradeFile, String lesson, String edition) {
        Objects.requireNonNull(gradeFile, "gradeFile");
        return new GradingListener(grade -> GradeFile.write(gradeFile, grade), lesson, edition, "");
    }

    /** A listener that hands every new state of the lesson's grade to {@code sink}: how the grader's test JVM reports. */
    public static GradingListener reportingTo(java.util.function.Consumer<LessonGrade> sink, String lesson, String edition, String title) {
        return new GradingListener(sink, lesson, edition, title);
    }

    /** Whether it grades: false for the service-loaded instance when {@value #GRADE_FILE} is not set. */
    public boolean active() {
        return scoreboard != null;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        if (active()) {
            scoreboard.planStarted(testPlan, Instant.now());
            save();
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier testIdentifier) {
        if (active()) {
            scoreboard.started(testIdentifier, System.nanoTime());
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier testIdentifier, String reason) {
        if (active()) {
            scoreboard.skipped(testIdentifier, reason, System.nanoTime());
            save();
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier testIdentifier, TestExecutionResult result) {
        if (active()) {
            scoreboard.finished(testIdentifier, result, System.nanoTime());
            save();
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (active()) {
            scoreboard.planFinished();
            save();
        }
    }

    private void save() {
        sink.accept(scoreboard.grade());
    }

    private static String property(String name, String otherwise) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? otherwise : value;
    }
}
