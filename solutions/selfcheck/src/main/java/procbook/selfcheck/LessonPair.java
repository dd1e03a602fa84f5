package procbook.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import procbook.grading.GradeFile;

/**
 * A lesson and its reference solution, as the reactor leaves them: {@code lessons/NN-name} (the stub
 * and the tests) and {@code solutions/NN-name} (the reference), both compiled.
 */
public record LessonPair(String id, Path lessonDir, Path solutionDir) {
    private static final Pattern ID = Pattern.compile("\\d\\d-[a-z0-9][a-z0-9-]*");

    /** Every {@code solutions/NN-name} folder with a pom.xml, by id: what the self-check proves. */
    public static List<LessonPair> discover(Path root) {
        Path solutions = root.resolve("solutions");
        if (!Files.isDirectory(solutions)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(solutions)) {
            return dirs.filter(d -> ID.matcher(d.getFileName().toString()).matches())
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted()
                    .map(d -> new LessonPair(d.getFileName().toString(),
                            root.resolve("lessons").resolve(d.getFileName().toString()), d))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + solutions + ": " + e.getMessage(), e);
        }
    }

    public Path stubClasses() {
        return lessonDir.resolve("target/classes");
    }

    /** The lesson's tests as its own module compiled them, against the stub: what a student runs. */
    public Path lessonTestClasses() {
        return lessonDir.resolve("target/test-classes");
    }

    public Path referenceSources() {
        return solutionDir.resolve("src/main/java");
    }

    public Path referenceResources() {
        return solutionDir.resolve("src/main/resources");
    }

    /** The same tests compiled by the solution module, against the reference. */
    public Path referenceTestClasses() {
        return solutionDir.resolve("target/test-classes");
    }

    /** What the solution module's own test run wrote. */
    public Path referenceGradeFile() {
        return solutionDir.resolve(GradeFile.IN_MODULE);
    }

    public Path mutantsFile() {
        return solutionDir.resolve("mutants.txt");
    }
}
