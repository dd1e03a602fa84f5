package procbook.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sums up the grade files of every lesson into the grade report: {@code target/grading/report.json}
 * and {@code report.md} at the project root, the job summary on GitHub Actions, and a table on the
 * console. {@code ./mvnw -q verify -Dgrade} runs it last.
 *
 * <p>Arguments: {@code <project root> [--build-started=INSTANT] [--fail-under=PERCENT]}. Grading is a
 * report, not a gate: the exit code is 0 unless {@code --fail-under} asks for a gate and the points
 * fall short of it (or a lesson has no results), then 1; 2 for a bad command line.
 */
public final class GradeReport {
    static final String SUMMARY_ENV = "GITHUB_STEP_SUMMARY";

    private GradeReport() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.getenv());
        if (code != 0) {
            // Maven runs this in its own JVM (exec:java): exiting is the one way to fail the build
            // without Maven printing a stack trace after the table, which must stay the last thing shown.
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, Map<String, String> env) {
        ReportOptions options;
        try {
            options = ReportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("grade report: " + e.getMessage());
            return 2;
        }
        Path root = options.root();
        List<LessonOutcome> outcomes = LessonFolder.under(root.resolve("lessons")).stream()
                .map(lesson -> LessonOutcome.of(lesson, options.buildStarted()))
                .toList();
        Totals totals = Totals.of(outcomes);
        String markdown = MarkdownReport.render(outcomes, totals);
        Path dir = root.resolve("target").resolve("grading");
        Path json = dir.resolve("report.json");
        Path md = dir.resolve("report.md");
        try {
            AtomicFile.write(json, Json.write(ReportJson.toTree(outcomes, totals, options.failUnder(), Instant.now())));
            AtomicFile.write(md, markdown);
        } catch (IOException | UncheckedIOException e) {
            out.println("grade report: could not write the report files in " + dir + ": " + e.getMessage());
        }
        appendJobSummary(env.get(SUMMARY_ENV), markdown, out);

        out.println();
        if (outcomes.isEmpty()) {
            out.println("No lessons found: no folder lessons/NN-name with a pom.xml under " + root);
            return 0;
        }
        return closing(out, outcomes, totals, shown(md), json, options.failUnder(), "procbook.grade.failUnder");
    }

    /** The table, the totals, where the report is, and the gate's verdict: the last thing a grading shows. Returns the exit code. */
    static int closing(PrintStream out, List<LessonOutcome> outcomes, Totals totals, String md, Path json,
            java.util.OptionalInt failUnder, String gateOption) {
        out.println("Procbook grades");
        out.print(ConsoleTable.render(outcomes, totals));
        out.println("Total: " + totals.pointsEarned() + " of " + totals.pointsPossible() + " points ("
                + totals.percent() + "%), " + totals.testsPassed() + " of " + totals.tests() + " tests passed, "
                + totals.lessonsDone() + " of " + totals.lessons() + " lessons done"
                + (totals.lessonsWithoutResults() > 0
                        ? "; " + totals.lessonsWithoutResults() + " without results, their points unknown"
                        : "")
                + ".");
        out.println("Report: " + md + " (and " + json.getFileName() + " beside it)");
        if (failUnder.isEmpty()) {
            return 0;
        }
        int required = failUnder.getAsInt();
        if (totals.reaches(required)) {
            out.println("Gate passed: " + totals.percent() + "% of the points, " + required + "% required.");
            return 0;
        }
        out.println("Gate FAILED: " + (totals.lessonsWithoutResults() > 0
                ? totals.lessonsWithoutResults() + " lessons have no results, so their points are unknown"
                : totals.percent() + "% of the points") + ", " + required + "% required (" + gateOption + ").");
        return 1;
    }

    static void appendJobSummary(String file, String markdown, PrintStream out) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), markdown + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            out.println("grade report: could not add to the job summary " + file + ": " + e.getMessage());
        }
    }

    /** Relative to the working directory when below it: shorter, and what a person would type. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }
}
