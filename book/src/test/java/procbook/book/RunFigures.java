package procbook.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import procbook.grading.LessonCompiler;
import procbook.grading.LessonTestsInProcess;
import procbook.testkit.TimelinePicture;

/**
 * Draws the book's timelines from real runs, at build time: runs each lesson's tests against its
 * reference solution, with the test kit drawing every run it makes ({@link TimelinePicture#RUNS_PROPERTY}),
 * and, where the mistake is the lesson, against a typical wrong solution of {@code mutants.txt}, whose
 * first failing check draws the run with the failing events in red. So a picture in the book is
 * what the program does: change the reference, and the picture changes.
 *
 * <p>Arguments: the course's folder, the folder for the pictures, a folder to work in. Without
 * {@code solutions/} (the student edition) it draws nothing, and says so in one line.
 */
public final class RunFigures {
    /** The chapters that show a wrong run beside the right one, and which wrong solution. */
    static final Map<String, String> WRONG_RUNS = Map.of(
            "05-ctrl-c", "no-final-release",
            "07-ticket-lock", "no-lock",
            "08-karaoke", "room-of-five");

    private RunFigures() {
    }

    public static void main(String[] args) throws IOException {
        Path course = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path work = Path.of(args[2]);
        if (!Files.isDirectory(course.resolve("solutions"))) {
            System.out.println("[book] no solutions/ in this copy (the student edition): no timelines of real runs drawn");
            return;
        }
        LessonCompiler.deleteTree(out);
        LessonCompiler.deleteTree(work);
        List<Path> lessons;
        try (Stream<Path> dirs = Files.list(course.resolve("lessons"))) {
            lessons = dirs.filter(d -> d.getFileName().toString().matches("\\d\\d-.+")).sorted().toList();
        }
        for (Path lesson : lessons) {
            String id = lesson.getFileName().toString();
            long started = System.nanoTime();
            Path reference = course.resolve("solutions").resolve(id).resolve("src/main/java");
            run(id, reference, lesson, work.resolve(id), Map.of(TimelinePicture.RUNS_PROPERTY, out.resolve(id).toString()));
            String wrong = WRONG_RUNS.get(id);
            if (wrong != null) {
                Path mutated = work.resolve(id + "-" + wrong).resolve("src");
                LessonCompiler.copyTree(reference, mutated);
                mutate(course.resolve("solutions").resolve(id).resolve("mutants.txt"), wrong, mutated);
                Path pictures = work.resolve(id + "-" + wrong).resolve("pictures");
                run(id, mutated, lesson, work.resolve(id + "-" + wrong), Map.of(TimelinePicture.FOLDER_PROPERTY, pictures.toString()));
                keepFirstFailure(pictures, out.resolve(id + "-wrong.svg"), out.resolve(id + "-wrong.adoc"));
            }
            System.out.printf(Locale.ROOT, "[book] drew the runs of lesson %s%s in %.1f s%n", id,
                    wrong == null ? "" : " and of its wrong solution '" + wrong + "'", (System.nanoTime() - started) / 1e9);
        }
    }

    private static void run(String id, Path sources, Path lesson, Path work, Map<String, String> settings) {
        Path classes = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        String libraries = System.getProperty("java.class.path");
        List<String> errors = new ArrayList<>();
        if (!LessonCompiler.compile(sources, classes, libraries, errors)
                || !LessonCompiler.compile(lesson.resolve("src/test/java"), testClasses, classes + java.io.File.pathSeparator + libraries, errors)) {
            throw new IllegalStateException("lesson " + id + " does not compile for the book's figures: " + String.join("\n", errors));
        }
        LessonTestsInProcess.run(classes, testClasses, "procbook.lesson" + id.substring(0, 2), settings);
    }

    /** Applies the wrong solution {@code name} of {@code mutants.txt} ("name | file | text | replacement ...") to the copy. */
    private static void mutate(Path mutants, String name, Path sources) throws IOException {
        for (String line : Files.readAllLines(mutants, StandardCharsets.UTF_8)) {
            String[] part = (line.endsWith(" |") ? line + " " : line).split(" \\| ", -1); // an empty replacement ends the line
            if (line.startsWith("#") || part.length < 4 || !part[0].strip().equals(name)) {
                continue;
            }
            Path file = sources.resolve(part[1].strip());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int i = 2; i + 1 < part.length; i += 2) {
                text = text.replace(part[i].strip(), part[i + 1].strip());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return;
        }
        throw new IllegalStateException(mutants + " has no wrong solution named '" + name + "', which the book draws");
    }

    /** The wrong run's first failing check: its picture, and its message for the caption. */
    private static void keepFirstFailure(Path pictures, Path svg, Path caption) throws IOException {
        List<Path> drawn;
        try (Stream<Path> files = Files.isDirectory(pictures) ? Files.list(pictures) : Stream.empty()) {
            drawn = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
        }
        if (drawn.isEmpty()) {
            throw new IllegalStateException("the wrong solution in " + pictures.getParent() + " failed no check that draws its run:"
                    + " the book has no picture of it to show");
        }
        Files.copy(drawn.get(0), svg, StandardCopyOption.REPLACE_EXISTING);
        Path report = drawn.get(0).resolveSibling(drawn.get(0).getFileName().toString().replaceAll("\\.svg$", ".txt"));
        String first = Files.readAllLines(report, StandardCharsets.UTF_8).get(0).replaceAll("[{}]", "").strip();
        String id = svg.getFileName().toString().substring(0, 2);
        Files.writeString(caption, ":run-" + id + "-wrong: " + first + "\n", StandardCharsets.UTF_8); // the chapter's caption
    }
}
