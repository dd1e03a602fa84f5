package procbook.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades a submission against a pristine course — what course CI runs ({@code ./procbook grade}).
 *
 * <ol>
 * <li>Takes from the submission only the sources of each lesson's own package; lists every other change
 *     it made as ignored.</li>
 * <li>Builds the course with those sources — every lesson compiled before any scenario runs.</li>
 * <li>Runs each lesson's tests in a JVM of its own, sandboxed where the machine allows it; the results
 *     come back signed over a pipe. A lesson whose JVM crashes, is killed or hangs costs that lesson only.</li>
 * <li>Writes a fresh report after every lesson ({@code "complete": false} until the last), the console
 *     table, and the job summary on GitHub Actions.</li>
 * </ol>
 */
public final class Grade {
    static final int REPORT_SCHEMA = 2;

    private Grade() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.getenv());
        } catch (RuntimeException e) {
            System.out.println("grade: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, Map<String, String> env) {
        GradeOptions options;
        try {
            options = GradeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("grade: " + e.getMessage() + "\n" + GradeOptions.USAGE);
            return 2;
        }
        Path outDir = options.out();
        Path json = outDir.resolve("report.json");
        Path md = outDir.resolve("report.md");
        try {
            Files.createDirectories(outDir);
            Files.deleteIfExists(json); // a report from an earlier grading must never pass for this one's
            Files.deleteIfExists(md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + outDir + ": " + e.getMessage(), e);
        }

        out.println("Grading " + options.submission() + " against the course in " + options.course());
        Submission submission = Submission.compare(options.course(), options.submission());
        if (!submission.ignored().isEmpty()) {
            out.println("Ignored: " + submission.ignored().size() + " changes outside the lessons' own sources (listed in the report).");
        }
        Path workspace = Workspace.make(options.course(), submission, options.submission(), outDir.resolve("work"));
        Path buildLog = outDir.resolve("build.log");
        out.println("Compiling every lesson first (log: " + buildLog + ") ...");
        long buildStarted = System.nanoTime();
        CourseBuild.run(workspace, buildLog, options.lessons());
        out.printf("Compiled in %.1f s.%n", (System.nanoTime() - buildStarted) / 1e9);

        Sandbox sandbox = options.sandbox() ? Sandbox.detect() : Sandbox.none("turned off with --no-sandbox");
        out.println("Scenarios: " + sandbox.how());
        List<Path> readOnly = new ArrayList<>(List.of(workspace, options.course(), options.submission(), outDir,
                Path.of(System.getProperty("user.home"))));
        List<Path> hidden = List.of(options.course().resolve("solutions"), options.course().resolve(".git"));
        String treeDigest = sandbox.isolated() ? "" : Workspace.digest(workspace, Set.of());

        List<LessonFolder> lessons = LessonFolder.under(workspace.resolve("lessons")).stream()
                .filter(l -> options.lessons().isEmpty() || options.lessons().contains(l.id()))
                .toList();
        Map<String, Object> grading = new LinkedHashMap<>();
        grading.put("course", options.course().toString());
        grading.put("submission", options.submission().toString());
        grading.put("isolated", sandbox.isolated());
        grading.put("isolation", sandbox.how());
        List<Object> ignored = new ArrayList<>();
        for (Submission.Ignored i : submission.ignored()) {
            ignored.add(new LinkedHashMap<>(Map.of("path", i.path(), "why", i.why())));
        }
        grading.put("ignored", ignored);

        List<LessonOutcome> outcomes = new ArrayList<>();
        // Sandboxed lessons cannot touch each other, and their scenarios mostly sleep: two at a time on a
        // machine with two cores or more. Unsandboxed, one at a time, so a changed tree names its culprit.
        int jobs = sandbox.isolated() ? Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())) : 1;
        if (jobs > 1) {
            out.println("Grading " + jobs + " lessons at a time, each in a sandbox of its own.");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "grade-lesson");
            t.setDaemon(true);
            return t;
        });
        try {
            // two at a time: all handed to the pool now, their outcomes taken in order; one at a time: each runs
            // in the loop below, only once the tree has been checked after the one before
            List<java.util.concurrent.Future<Graded>> running = new ArrayList<>();
            if (jobs > 1) {
                for (LessonFolder lesson : lessons) {
                    running.add(pool.submit(() -> gradeOne(lesson, sandbox, readOnly, hidden, buildLog, outDir, options)));
                }
            }
            String tamperedBy = null;
            for (int n = 0; n < lessons.size(); n++) {
                LessonFolder lesson = lessons.get(n);
                out.printf("[%2d/%d] %-20s ", n + 1, lessons.size(), lesson.id());
                out.flush();
                if (tamperedBy != null) {
                    outcomes.add(voided(lesson, "not graded: the course's files were changed while " + tamperedBy
                            + " ran, so nothing after it can be trusted"));
                    out.println(progress(outcomes.get(outcomes.size() - 1), Duration.ZERO));
                    write(json, md, outcomes, grading, options, false, env, out);
                    continue;
                }
                Graded graded = jobs > 1 ? waitFor(running.get(n)) : gradeOne(lesson, sandbox, readOnly, hidden, buildLog, outDir, options);
                LessonOutcome outcome = graded.outcome();
                if (graded.ran() && !sandbox.isolated() && !Workspace.digest(workspace, Set.of()).equals(treeDigest)) {
                    tamperedBy = lesson.id();
                    outcome = voided(lesson, "tampered: its run changed the course's files (tests, classes or build files),"
                            + " which only the grader may do — its results are void");
                }
                outcomes.add(outcome);
                out.println(progress(outcome, graded.took()));
                write(json, md, outcomes, grading, options, false, env, out);
            }
        } finally {
            pool.shutdownNow();
        }
        Totals totals = write(json, md, outcomes, grading, options, true, env, out);
        out.println();
        return GradeReport.closing(out, outcomes, totals, md.toString(), json, options.failUnder(), "--fail-under");
    }

    /** A lesson's outcome, how long its JVM ran, and whether it ran at all (a lesson that did not compile did not). */
    private record Graded(LessonOutcome outcome, Duration took, boolean ran) {
    }

    /** Runs one lesson's tests in a JVM of its own; safe to call for two lessons at once. */
    private static Graded gradeOne(LessonFolder lesson, Sandbox sandbox, List<Path> readOnly, List<Path> hidden, Path buildLog, Path outDir,
            GradeOptions options) {
        Optional<Path> tests = CourseBuild.testClasses(lesson.dir());
        if (tests.isEmpty()) {
            String errors = CourseBuild.compilerErrors(buildLog, lesson.dir());
            return new Graded(noResults(lesson, "did not compile" + (errors.isEmpty() ? " (see " + buildLog + ")" : ":\n" + errors)),
                    Duration.ZERO, false);
        }
        Path log = outDir.resolve("logs").resolve(lesson.id() + ".log");
        Path tmp = LessonJvm.freshTemporaryFolder(options.scratch(), lesson.id());
        try {
            Files.createDirectories(log.getParent());
            LessonJvm.Outcome run = LessonJvm.run(sandbox, readOnly, hidden, lesson.id(), lesson.title(), tests.get(),
                    "procbook.lesson" + lesson.id().substring(0, 2),
                    CourseBuild.classPath(lesson.dir()) + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                    log, tmp, options.timeLimit());
            return new Graded(judge(lesson, run), run.took(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Workspace.delete(tmp);
            } catch (UncheckedIOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }

    private static Graded waitFor(java.util.concurrent.Future<Graded> graded) {
        try {
            return graded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the grading was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The verdict, with "crashed" in words a student understands for the tests the JVM never finished. */
    static LessonOutcome judge(LessonFolder lesson, LessonJvm.Outcome run) {
        if (run.grade().isEmpty()) {
            return noResults(lesson, "the lesson's test JVM " + run.ending() + " before any test started");
        }
        LessonGrade grade = run.grade().get();
        boolean crashed = !run.finishedNormally();
        if (crashed) {
            String why = "crashed: the lesson's test JVM " + run.ending() + " before this test finished — did the scenario"
                    + " signal or kill its parent, exit the test's JVM, or hang?";
            List<TestResult> tests = new ArrayList<>();
            for (TestResult t : grade.tests()) {
                tests.add(t.status() == TestStatus.NOT_RUN
                        ? TestResult.notRun(t.testClass(), t.method(), t.displayName(), t.pointsPossible(), why) : t);
            }
            grade = new LessonGrade(grade.lesson(), grade.edition(), grade.title(), grade.startedAt(), false, tests);
        }
        LessonOutcome outcome = LessonOutcome.judge(lesson, grade);
        if (outcome.verdict() == LessonOutcome.Verdict.CRASHED) {
            return new LessonOutcome(lesson, outcome.grade(), outcome.verdict(), grade.testsNotRun() + " of " + grade.tests().size()
                    + " tests never finished: the lesson's test JVM " + run.ending());
        }
        if (crashed && grade.testsNotRun() == 0 && !run.ending().equals("finished")) {
            // every test had finished; the JVM died on the way out: the results stand
            return new LessonOutcome(lesson, outcome.grade(), outcome.verdict(), outcome.detail() + " (the test JVM then " + run.ending() + ")");
        }
        return outcome;
    }

    private static LessonOutcome voided(LessonFolder lesson, String why) {
        return new LessonOutcome(lesson, Optional.empty(), LessonOutcome.Verdict.VOID, why);
    }

    private static LessonOutcome noResults(LessonFolder lesson, String why) {
        return new LessonOutcome(lesson, Optional.empty(), LessonOutcome.Verdict.NO_RESULTS, why);
    }

    private static String progress(LessonOutcome o, Duration took) {
        String points = o.grade().isPresent() ? o.pointsEarned() + "/" + o.pointsPossible() + " points" : "no points";
        String status = o.grade().isEmpty() ? o.detail().lines().findFirst().orElse("") : o.status();
        return String.format("%-12s %s (%.1f s)", points, status, took.toMillis() / 1000.0);
    }

    private static Totals write(Path json, Path md, List<LessonOutcome> outcomes, Map<String, Object> grading, GradeOptions options,
            boolean complete, Map<String, String> env, PrintStream out) {
        Totals totals = Totals.of(outcomes);
        Map<String, Object> tree = ReportJson.toTree(outcomes, totals, options.failUnder(), Instant.now());
        Map<String, Object> withGrading = new LinkedHashMap<>();
        withGrading.put("schema", REPORT_SCHEMA);
        withGrading.put("complete", complete);
        withGrading.putAll(tree);
        withGrading.put("grading", grading);
        String markdown = MarkdownReport.render(outcomes, totals) + ignoredSection(grading);
        try {
            AtomicFile.write(json, Json.write(withGrading));
            AtomicFile.write(md, complete ? markdown : "**Grading in progress — this report is not complete.**\n\n" + markdown);
        } catch (IOException | UncheckedIOException e) {
            out.println("grade: could not write the report in " + json.getParent() + ": " + e.getMessage());
        }
        if (complete) {
            try {
                AtomicFile.write(json.resolveSibling("classroom.json"), Json.write(classroom(outcomes, totals)));
            } catch (IOException | UncheckedIOException e) {
                out.println("grade: could not write classroom.json: " + e.getMessage());
            }
            GradeReport.appendJobSummary(env.get(GradeReport.SUMMARY_ENV), markdown, out);
        }
        return totals;
    }

    /** The points in the form GitHub Classroom's autograding reporter reads: one entry per graded test. */
    static Map<String, Object> classroom(List<LessonOutcome> outcomes, Totals totals) {
        List<Object> tests = new ArrayList<>();
        for (LessonOutcome o : outcomes) {
            if (o.grade().isEmpty()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", o.lesson().id());
                t.put("status", "error");
                t.put("score", 0);
                t.put("max_score", 0);
                t.put("message", o.detail());
                tests.add(t);
                continue;
            }
            for (TestResult r : o.grade().get().tests()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", o.lesson().id() + ": " + r.displayName());
                t.put("status", r.passed() ? "pass" : "fail");
                t.put("score", r.pointsEarned());
                t.put("max_score", r.pointsPossible());
                t.put("message", r.message().lines().findFirst().orElse(""));
                t.put("execution_time", r.durationMillis() / 1000.0 + "s");
                tests.add(t);
            }
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("version", 1);
        tree.put("status", totals.pointsEarned() == totals.pointsPossible() && totals.lessonsWithoutResults() == 0 ? "pass" : "fail");
        tree.put("max_score", totals.pointsPossible());
        tree.put("tests", tests);
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static String ignoredSection(Map<String, Object> grading) {
        StringBuilder md = new StringBuilder("\n### How this was graded\n\n");
        md.append("Scenarios ran ").append(grading.get("isolation")).append(".\n");
        List<Object> ignored = (List<Object>) grading.get("ignored");
        if (!ignored.isEmpty()) {
            md.append("\nThese changes of the submission were **ignored** (only each lesson's own sources are graded):\n\n");
            for (Object o : ignored) {
                Map<String, Object> i = (Map<String, Object>) o;
                md.append("- `").append(i.get("path")).append("`: ").append(i.get("why")).append('\n');
            }
        }
        return md.toString();
    }
}
