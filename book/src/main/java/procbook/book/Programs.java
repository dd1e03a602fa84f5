package procbook.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import procbook.grading.LessonCompiler;
import procbook.grading.Mutant;

/**
 * The lessons' programs as the book runs them, compiled from {@code solutions/} while the book is
 * built — so a changed reference is the reference the book runs and draws — and the wrong solutions
 * of {@code mutants.txt}, the ones the self-check proves the tests catch.
 */
final class Programs {
    private final Path solutions;
    private final Path work;
    private final Map<String, Path> compiled = new ConcurrentHashMap<>();

    /** Programs of the references in {@code solutions}, compiled below {@code work}. */
    Programs(Path solutions, Path work) {
        this.solutions = solutions;
        this.work = work;
    }

    /** The class {@code mainClass} of {@code run}'s program, compiled, and the folder of its classes. */
    Compiled of(BookRun run) {
        Path classes = compiled.computeIfAbsent(run.name(), name -> compile(run));
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Programs.class.getClassLoader());
            return new Compiled(Class.forName(run.program(), false, loader), classes);
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalStateException(run + ": no class " + run.program() + " in " + classes + ": " + e.getMessage(), e);
        }
    }

    /** A compiled program: its main class (loaded, for the kit's architecture check) and the folder it was compiled to. */
    record Compiled(Class<?> mainClass, Path classes) {
    }

    private Path compile(BookRun run) {
        Path reference = solutions.resolve(run.lesson()).resolve("src/main/java");
        Path sources = reference;
        if (run.isWrong()) {
            sources = work.resolve("sources").resolve(run.name());
            applyMutant(run, reference, sources);
        }
        Path classes = work.resolve("classes").resolve(run.name());
        List<String> errors = new ArrayList<>();
        if (!LessonCompiler.compile(sources, classes, System.getProperty("java.class.path"), errors)) {
            throw new IllegalStateException(run + " does not compile, so the book cannot run it:\n  " + String.join("\n  ", errors));
        }
        return classes;
    }

    private void applyMutant(BookRun run, Path reference, Path into) {
        Mutant mutant = Mutant.parse(solutions.resolve(run.lesson()).resolve(Mutant.FILE_NAME), run.lesson()).stream()
                .filter(m -> m.name().equals(run.variant())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the book draws the wrong solution '" + run.variant() + "' of "
                        + run.lesson() + ", but solutions/" + run.lesson() + "/" + Mutant.FILE_NAME + " has no mutant of that name"));
        LessonCompiler.deleteTree(into);
        try (Stream<Path> files = Files.walk(reference)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = into.resolve(reference.relativize(f).toString());
                Files.createDirectories(to.getParent());
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(to, reference.relativize(f).toString().equals(mutant.path()) ? mutant.applyTo(text) : text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + reference + " to " + into + ": " + e.getMessage(), e);
        }
    }
}
