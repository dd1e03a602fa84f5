package procbook.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.Launcher;
import procbook.grading.GradingListener;
import procbook.grading.LessonCompiler;
import procbook.grading.LessonGrade;
import procbook.grading.LessonTestsInProcess;
import procbook.grading.TestResult;
import procbook.testkit.TimelinePicture;

/**
 * {@code ./procbook run NN}: compiles one lesson — its stub and its tests — with the JDK's compiler in
 * this JVM, runs its tests with the JUnit Platform Launcher in this JVM too, and prints the verdict. No
 * Maven, no test JVM of its own: the lesson's scenarios are the only JVMs it starts. The full failure
 * messages go to {@code target/procbook-run/last-run.txt} in the lesson's folder.
 */
final class LessonRun {
    static final String OUTPUT = "target/procbook-run";
    /** Lines of the first failure shown: with the lesson's title, one line a test and the verdict, the screen stays under 40. */
    private static final int SHOWN_LINES = 28;
    private static final int WIDTH = 120;
    private static final String INDENT = "    ";

    private LessonRun() {
    }

    /** Runs the lesson's tests and prints the verdict; returns its grade, or null if it did not compile. */
    static LessonGrade run(Lessons.Lesson lesson, PrintStream out) {
        long started = System.nanoTime();
        Path build = lesson.dir().resolve(OUTPUT);
        Path classes = build.resolve("classes");
        Path testClasses = build.resolve("test-classes");
        String libraries = System.getProperty("java.class.path");
        if (!compile(lesson.dir().resolve("src/main/java"), classes, libraries, out, lesson.id() + "'s code")
                || !compile(lesson.dir().resolve("src/test/java"), testClasses, classes + File.pathSeparator + libraries, out, lesson.id() + "'s tests")) {
            return null;
        }
        long compiled = System.nanoTime();
        AtomicReference<LessonGrade> last = new AtomicReference<>();
        // the grade keeps a few lines of each failure, as a report does; the student's screen and file get the whole message
        java.util.Map<String, String> fullMessages = new java.util.concurrent.ConcurrentHashMap<>();
        TestExecutionListener whole = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                result.getThrowable().ifPresent(t -> fullMessages.put(test.getDisplayName(),
                        t instanceof AssertionError || t.getMessage() == null ? String.valueOf(t.getMessage()) : t.toString()));
            }
        };
        LessonCompiler.deleteTree(build.resolve("pictures"));
        LessonTestsInProcess.run(classes, testClasses, "procbook.lesson" + lesson.id().substring(0, 2),
                java.util.Map.of(TimelinePicture.FOLDER_PROPERTY, build.resolve("pictures").toString()),
                GradingListener.reportingTo(last::set, lesson.id(), "student", lesson.title()), whole);
        LessonGrade grade = last.get();
        long now = System.nanoTime();
        print(lesson, grade, fullMessages, build.resolve("last-run.txt"),
                String.format(Locale.ROOT, "%.1f s: compiling %.1f s, tests %.1f s", (now - started) / 1e9, (compiled - started) / 1e9,
                        (now - compiled) / 1e9), out);
        return grade;
    }

    private static void print(Lessons.Lesson lesson, LessonGrade grade, java.util.Map<String, String> fullMessages, Path full, String took,
            PrintStream out) {
        StringBuilder all = new StringBuilder();
        out.println(lesson.title());
        if (grade == null || grade.tests().isEmpty()) {
            out.println("  no tests found in " + lesson.dir().resolve("src/test/java"));
            return;
        }
        boolean shownOne = false;
        for (TestResult t : grade.tests()) {
            String mark = t.passed() ? "  ok   " : "  FAIL ";
            out.println(mark + t.displayName() + "  (" + t.pointsEarned() + "/" + t.pointsPossible() + ")");
            if (!t.passed()) {
                String message = fullMessages.getOrDefault(t.displayName(), t.message());
                all.append("== ").append(t.displayName()).append("\n").append(message).append("\n\n");
                if (!shownOne) {
                    // the first failing fact, in the lesson's words; the rest of it, and of the others, in the file
                    List<String> lines = message.lines().filter(l -> !l.isBlank()).flatMap(l -> wrap(l, WIDTH - INDENT.length()).stream()).toList();
                    lines.stream().limit(SHOWN_LINES).forEach(l -> out.println(INDENT + l));
                    if (lines.size() > SHOWN_LINES) {
                        out.println(INDENT + "... (" + (lines.size() - SHOWN_LINES) + " more lines in " + full + ")");
                    }
                    shownOne = true;
                }
            }
        }
        String verdict = grade.fullMarks() ? "DONE — every test passes"
                : grade.notPassed().stream().allMatch(t -> procbook.testkit.NotDoneYet.isTheReason(t.message())) ? "not done yet" : grade.notPassed().size() + " failing";
        if (!grade.fullMarks()) {
            out.println("  all failure messages: " + full);
            if (Files.isDirectory(full.resolveSibling("pictures"))) {
                out.println("  pictures of the failing runs: " + full.resolveSibling("pictures"));
            }
        }
        out.printf(Locale.ROOT, "%s: %d of %d points, %s (%s)%n", lesson.id(), grade.pointsEarned(), grade.pointsPossible(), verdict, took);
        try {
            Files.createDirectories(full.getParent());
            Files.writeString(full, all.length() == 0 ? "every test passed\n" : all.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("(could not write " + full + ": " + e.getMessage() + ")");
        }
    }

    /** A long sentence broken at spaces into lines of at most {@code width}; a timeline row is never longer. */
    static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        String rest = line;
        String lead = "";
        while ((lead + rest).length() > width) {
            int cut = rest.lastIndexOf(' ', width - lead.length());
            if (cut <= 0) {
                break; // one long word, e.g. a file address: left whole, a terminal wraps it
            }
            out.add(lead + rest.substring(0, cut));
            rest = rest.substring(cut + 1);
            lead = "  ";
        }
        out.add(lead + rest);
        return out;
    }

    /** Compiles every .java file below {@code sources} into {@code into}; prints the compiler's errors and returns false if there are any. */
    static boolean compile(Path sources, Path into, String classPath, PrintStream out, String what) {
        List<String> errors = new ArrayList<>();
        boolean ok = LessonCompiler.compile(sources, into, classPath, errors);
        if (!ok) {
            out.println(what + " do not compile:");
            errors.stream().limit(10).forEach(e -> out.println("  " + e.replace(sources + "/", "")));
        }
        return ok;
    }
}
