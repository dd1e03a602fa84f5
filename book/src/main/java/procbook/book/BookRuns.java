package procbook.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import procbook.grading.LessonCompiler;
import procbook.testkit.ScenarioRun;
import procbook.testkit.Scenarios;

/**
 * Makes the book's runs while the book is built, before Asciidoctor reads the chapters: runs every
 * program of the {@link Catalogue} as the lessons' tests run them, keeps each run ({@link RunRecord})
 * for the parity checks, and draws each run's timeline as an SVG for its chapter. Nothing of it is
 * committed: a changed reference changes its run, and so its picture.
 *
 * <p>Arguments: the course's folder, the folder for the runs, the folder for the pictures, and
 * whether the references are in this edition ({@code true}/{@code false}).
 */
public final class BookRuns {
    /**
     * Runs at once: a Java run is a handful of JVMs starting (CPU), a Python run mostly sleeps; taken in
     * turn from both lists, four at once keep two cores busy without crowding them.
     */
    private static final int AT_ONCE = 4;

    private BookRuns() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path runs = Path.of(args[1]).toAbsolutePath();
        Path pictures = Path.of(args[2]).toAbsolutePath();
        boolean withReferences = Boolean.parseBoolean(args[3]) && Files.isDirectory(root.resolve("solutions"));
        long start = System.nanoTime();
        LessonCompiler.deleteTree(runs);
        LessonCompiler.deleteTree(pictures);
        Files.createDirectories(pictures);

        String python = Python.version();
        List<BookRun> all = interleaved(withReferences ? Catalogue.references() : List.of(), python != null ? Catalogue.pythons() : List.of());
        if (python == null) {
            System.out.println("book: no python3 (3.8 or newer) on the PATH: the Python listings are not run, and their parity checks are skipped");
        }
        Files.createDirectories(runs);
        Files.writeString(runs.resolve("attributes.adoc"), python == null ? "" : ":python-runs: " + python + "\n", StandardCharsets.UTF_8);
        Programs programs = new Programs(root.resolve("solutions"), runs.resolve("programs"));
        List<String> problems = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (BookRun run : all) {
                done.add(pool.submit(() -> {
                    make(run, programs, root, runs, pictures);
                    return null;
                }));
            }
            for (int i = 0; i < all.size(); i++) {
                try {
                    done.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add(all.get(i) + ": " + e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "book: %d runs made and drawn in %.1f s%s%s%n", all.size(), (System.nanoTime() - start) / 1e9,
                python == null ? "" : ", the Python listings with " + python,
                withReferences ? "" : " (no references in this edition: no reference runs, no wrong ones)");
        if (!problems.isEmpty()) {
            System.out.println("book: the book could not make these runs:\n  " + String.join("\n  ", problems));
            System.exit(1);
        }
    }

    /** One from each list in turn, then the rest of the longer one. */
    private static List<BookRun> interleaved(List<BookRun> java, List<BookRun> python) {
        List<BookRun> all = new ArrayList<>();
        for (int i = 0; i < Math.max(java.size(), python.size()); i++) {
            if (i < java.size()) {
                all.add(java.get(i));
            }
            if (i < python.size()) {
                all.add(python.get(i));
            }
        }
        return all;
    }

    /** Runs one program, keeps the run, and draws it. */
    private static void make(BookRun run, Programs programs, Path root, Path runs, Path pictures) throws IOException {
        Scenarios scenarios;
        if (run.isPython()) {
            scenarios = Scenarios.command(Python.COMMAND, root.resolve(BookRun.PYTHON_LISTINGS).resolve(run.program()).toString());
        } else {
            Programs.Compiled program = programs.of(run);
            scenarios = Scenarios.of(program.mainClass()).classPathFirst(program.classes());
        }
        scenarios = scenarios.timeLimit(Drive.LIMIT);
        RunRecord record;
        try (ScenarioRun scenario = scenarios.run(run.args().toArray(String[]::new))) {
            String ended;
            try {
                ended = run.drive().drive(scenario);
            } catch (AssertionError e) {
                ended = "did not go as the book drives it: " + e.getMessage().lines().findFirst().orElse("");
            }
            record = RunRecord.keep(scenario, ended, runs.resolve(run.name()));
        }
        if (run.figure() != null) {
            Files.writeString(pictures.resolve(run.name() + ".svg"), run.figure().draw(record.trace()), StandardCharsets.UTF_8);
        }
    }
}
