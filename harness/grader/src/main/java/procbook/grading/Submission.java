package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a submission may bring to its grading: the Java sources of each lesson's own package under
 * {@code lessons/NN-name/src/main/java} — what a student owns. Everything else it changed or added is
 * listed, with why it is ignored, and never used: the tests, points, poms, harness and resources all
 * come from the pristine course.
 */
final class Submission {
    private static final Pattern OWNED = Pattern.compile("lessons/(\\d\\d)-[a-z0-9-]+/src/main/java/procbook/lesson(\\d\\d)/.+\\.java");
    private static final Pattern POINTS = Pattern.compile("@Points\\s*\\(\\s*(?:value\\s*=\\s*)?(\\d+)\\s*\\)");
    private static final Set<String> NOT_COMPARED = Set.of(".git", "target", ".idea", ".vscode", "node_modules", ".mvn");

    /**
     * A change of the submission's that grading does not use.
     *
     * @param path a path relative to the project's root, with {@code /}
     * @param why  "tests edited", "points changed", "file added", ...
     */
    record Ignored(String path, String why) {
    }

    private final List<String> owned;
    private final List<Ignored> ignored;

    private Submission(List<String> owned, List<Ignored> ignored) {
        this.owned = List.copyOf(owned);
        this.ignored = List.copyOf(ignored);
    }

    /** Compares {@code submission} with the pristine {@code course}. */
    static Submission compare(Path course, Path submission) {
        Set<String> mine = files(submission);
        Set<String> theirs = files(course);
        List<String> owned = new ArrayList<>();
        List<Ignored> ignored = new ArrayList<>();
        for (String path : mine) {
            boolean inCourse = theirs.contains(path);
            if (Files.isSymbolicLink(submission.resolve(path))) {
                ignored.add(new Ignored(path, "symbolic link — never followed: a lesson's sources must be plain files"));
                continue;
            }
            if (isOwned(path, course)) {
                owned.add(path);
                continue;
            }
            if (inCourse && sameContent(course.resolve(path), submission.resolve(path))) {
                continue;
            }
            ignored.add(new Ignored(path, why(path, inCourse, course, submission)));
        }
        return new Submission(owned, ignored);
    }

    /** The student's own files, relative paths: copied over the course's stubs. */
    List<String> owned() {
        return owned;
    }

    List<Ignored> ignored() {
        return ignored;
    }

    /** A Java source under a course lesson's {@code src/main/java}, in that lesson's own package. */
    static boolean isOwned(String path, Path course) {
        Matcher m = OWNED.matcher(path);
        if (!m.matches() || !m.group(1).equals(m.group(2))) {
            return false;
        }
        String lessonFolder = path.substring(0, path.indexOf("/src/main/java/"));
        return Files.isRegularFile(course.resolve(lessonFolder).resolve("pom.xml"));
    }

    private static String why(String path, boolean inCourse, Path course, Path submission) {
        boolean test = path.matches("lessons/[^/]+/src/test/.*");
        if (!inCourse) {
            if (test) {
                return "test file added — grading runs only the course's tests";
            }
            if (path.matches("lessons/[^/]+/src/main/java/.*\\.java")) {
                return "source outside the lesson's own package — only procbook/lessonNN/ of each lesson is graded";
            }
            return "file added — grading uses only each lesson's own sources";
        }
        if (test) {
            String before = points(course.resolve(path));
            String after = points(submission.resolve(path));
            return before.equals(after) ? "tests edited — graded with the course's tests"
                    : "points changed (" + before + " → " + after + ") — graded with the course's tests";
        }
        if (path.endsWith("pom.xml")) {
            return "build file edited — graded with the course's";
        }
        return "edited — graded with the course's copy";
    }

    private static String points(Path file) {
        try {
            Matcher m = POINTS.matcher(Files.readString(file));
            List<String> all = new ArrayList<>();
            while (m.find()) {
                all.add(m.group(1));
            }
            return all.isEmpty() ? "none" : String.join("+", all);
        } catch (IOException | UncheckedIOException e) {
            return "unreadable";
        }
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.size(a) == Files.size(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every regular file below {@code root}, as relative paths with {@code /}, skipping build output and VCS folders. */
    static Set<String> files(Path root) {
        Set<String> out = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && NOT_COMPARED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        out.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + root + ": " + e.getMessage(), e);
        }
        return out;
    }
}
