package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes a lesson's grade file, {@code target/procbook-grade.json}. */
public final class GradeFile {
    /** Where a lesson (or solution) module's test run leaves its grade file, under the module folder. */
    public static final String IN_MODULE = "target/procbook-grade.json";

    private GradeFile() {
    }

    /**
     * Reads a grade file.
     *
     * @throws UncheckedIOException     if it cannot be read ({@link NoSuchFileException} if it is absent)
     * @throws IllegalArgumentException if it is not a grade file, with the file and the fault in the message
     */
    public static LessonGrade read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grade file " + file + ": " + e.getMessage(), e);
        }
        try {
            return GradeJson.fromTree(Json.read(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the grade file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Writes a grade file in one step: a reader sees the old content or the new, never half of it. */
    public static void write(Path file, LessonGrade grade) {
        try {
            AtomicFile.write(file, Json.write(GradeJson.toTree(grade)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade file " + file + ": " + e.getMessage(), e);
        }
    }
}
