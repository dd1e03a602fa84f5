package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tree that is built and graded: the pristine course without its solutions and book, with the
 * submission's own files laid over its stubs. Nothing of it comes from the submission but those files.
 */
final class Workspace {
    private static final Set<String> LEFT_OUT = Set.of("solutions", "book");

    private Workspace() {
    }

    static Path make(Path course, Submission submission, Path submissionRoot, Path where) {
        delete(where);
        for (String path : Submission.files(course)) {
            if (LEFT_OUT.contains(path.split("/", 2)[0])) {
                continue;
            }
            copy(course.resolve(path), where.resolve(path));
        }
        // the wrapper's own files (.mvn/wrapper) are skipped by the comparison, not by the build
        copyTree(course.resolve(".mvn"), where.resolve(".mvn"));
        for (String path : submission.owned()) {
            copy(submissionRoot.resolve(path), where.resolve(path));
        }
        return where;
    }

    /** A digest of every file below {@code root}: equal before and after a run means the run changed nothing there. */
    static String digest(Path root, Set<String> skipFolders) {
        try (Stream<Path> all = Files.walk(root)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> root.relativize(p).toString().isEmpty() || !skipFolders.contains(root.relativize(p).getName(0).toString()))
                    .sorted()
                    .toList();
            for (Path f : files) {
                md.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path dir) {
        LessonCompiler.deleteTree(dir);
    }

    /** Copies the regular files below {@code from} to the same places below {@code to}; nothing if {@code from} is missing. */
    static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                copy(p, to.resolve(from.relativize(p).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
