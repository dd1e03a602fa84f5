package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiles every lesson's stub and tests before any scenario runs — with the JDK's compiler, in the
 * grader's own JVM, against the harness the grader was built from (the course's: {@code ./procbook}
 * builds it from the course's sources). No Maven: its start and its walk over the modules took longer
 * than compiling the lessons. A lesson that does not compile does not stop the others: its classes are
 * simply missing, and the report says so with the compiler's words, which go to the build log.
 */
final class CourseBuild {
    private CourseBuild() {
    }

    /**
     * Compiles the named lessons (every lesson when none is named) of the workspace; the compiler's
     * errors go to {@code log}, one {@code [ERROR] path:line: message} a line.
     */
    static void run(Path workspace, Path log, List<String> lessons) {
        List<Path> folders;
        try (Stream<Path> all = Files.list(workspace.resolve("lessons"))) {
            folders = all.filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .filter(d -> lessons.isEmpty() || lessons.contains(d.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lessons of " + workspace + ": " + e.getMessage(), e);
        }
        String harness = System.getProperty("java.class.path");
        List<String> logLines = new ArrayList<>();
        for (Path lesson : folders) {
            Path classes = lesson.resolve("target/classes");
            Path testClasses = lesson.resolve("target/test-classes");
            List<String> errors = new ArrayList<>();
            boolean ok = LessonCompiler.compile(lesson.resolve("src/main/java"), classes, harness, errors)
                    && onlyItsOwnPackage(lesson, classes, errors);
            if (ok) {
                Workspace.copyTree(lesson.resolve("src/main/resources"), classes);
                ok = LessonCompiler.compile(lesson.resolve("src/test/java"), testClasses, classes + java.io.File.pathSeparator + harness, errors);
            }
            if (ok) {
                Workspace.copyTree(lesson.resolve("src/test/resources"), testClasses);
            }
            errors.forEach(e -> logLines.add("[ERROR] " + e));
            logLines.add("[INFO] " + lesson.getFileName() + (ok ? ": compiled" : ": did not compile"));
        }
        try {
            Files.write(log, logLines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build log " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * A source in the lesson's folder may still declare another package, e.g. {@code procbook.testkit}, and
     * its class would come before the harness's own on the lesson's class path: a lesson's code is
     * accepted only if every class it compiled to is in {@code procbook.lessonNN}.
     */
    private static boolean onlyItsOwnPackage(Path lesson, Path classes, List<String> errors) {
        Path own = classes.resolve("procbook").resolve("lesson" + lesson.getFileName().toString().substring(0, 2));
        try (Stream<Path> all = Files.walk(classes)) {
            List<Path> strays = all.filter(f -> f.toString().endsWith(".class") && !f.startsWith(own)).toList();
            for (Path stray : strays) {
                errors.add(stray + ":0: " + classes.relativize(stray) + " is outside the lesson's package procbook.lesson"
                        + lesson.getFileName().toString().substring(0, 2) + " — only the lesson's own package is graded");
            }
            return strays.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes + ": " + e.getMessage(), e);
        }
    }

    /** The lesson's compiled tests, if it compiled. */
    static Optional<Path> testClasses(Path lessonDir) {
        Path dir = lessonDir.resolve("target/test-classes");
        Path main = lessonDir.resolve("target/classes");
        return hasClasses(dir) && hasClasses(main) ? Optional.of(dir) : Optional.empty();
    }

    /** The lesson's own class path: its tests, then its classes. The harness comes from the grader's own class path. */
    static String classPath(Path lessonDir) {
        return lessonDir.resolve("target/test-classes") + java.io.File.pathSeparator + lessonDir.resolve("target/classes");
    }

    /** The compiler's complaints about this lesson, from the build's log. */
    static String compilerErrors(Path log, Path lessonDir) {
        try {
            String marker = lessonDir.toString();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("[ERROR]") || l.startsWith("[WARNING]"))
                    .filter(l -> l.contains(marker))
                    .map(l -> l.replace(marker + "/", ""))
                    .distinct()
                    .limit(8)
                    .toList();
            return String.join("\n", lines);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean hasClasses(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(p -> p.toString().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }
}
