package procbook.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the student edition of a course: a fresh git repository with every file of the course but the
 * reference solutions and the developers' CI, with one commit of its own — so no reference is anywhere
 * in it, history included — and a GitHub Actions workflow that grades each push against the pristine
 * course for GitHub Classroom.
 *
 * <p>Arguments: {@code <course folder> <new folder>}.
 */
public final class StudentEdition {
    /** Top-level folders that stay with the instructor. */
    static final Set<String> INSTRUCTORS_ONLY = Set.of("solutions", ".ci", ".git", "target");
    static final String WORKFLOW = ".github/workflows/classroom.yml";

    private StudentEdition() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.out.println("usage: student-edition <course folder> <new folder>");
            System.exit(2);
        }
        try {
            Path made = make(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]).toAbsolutePath().normalize());
            System.out.println("Student edition: " + made + " — a git repository of one commit, no solution in it or its history.");
            System.out.println("Push it as the Classroom assignment's template; set PROCBOOK_COURSE and PROCBOOK_COURSE_REF (see " + WORKFLOW + ").");
        } catch (RuntimeException e) {
            System.out.println("student-edition: " + e.getMessage());
            System.exit(1);
        }
    }

    static Path make(Path course, Path out) {
        if (!Files.isDirectory(course.resolve("lessons"))) {
            throw new IllegalArgumentException(course + " has no lessons/ folder: is it a Procbook course?");
        }
        try {
            if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
                throw new IllegalArgumentException(out + " exists and is not empty: name a new folder");
            }
            Files.createDirectories(out);
            for (String path : courseFiles(course)) {
                if (INSTRUCTORS_ONLY.contains(path.split("/", 2)[0])) {
                    continue;
                }
                Path to = out.resolve(path);
                Files.createDirectories(to.getParent());
                Files.copy(course.resolve(path), to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            Path workflow = out.resolve(WORKFLOW);
            Files.createDirectories(workflow.getParent());
            try (InputStream in = StudentEdition.class.getResourceAsStream("classroom.yml")) {
                Files.write(workflow, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the student edition in " + out + ": " + e.getMessage(), e);
        }
        git(out, "init", "-q");
        git(out, "add", "-A");
        git(out, "-c", "user.name=Procbook", "-c", "user.email=procbook@localhost", "commit", "-q", "-m", "Procbook, student edition");
        requireNoReference(course, out);
        return out;
    }

    /** The course's tracked files when it is a git checkout (nothing ignored or left over), else every file. */
    private static List<String> courseFiles(Path course) {
        if (Files.isDirectory(course.resolve(".git"))) {
            String listed = git(course, "ls-files", "-z");
            return Arrays.stream(listed.split("\0")).filter(s -> !s.isEmpty()).filter(s -> Files.exists(course.resolve(s), LinkOption.NOFOLLOW_LINKS)).toList();
        }
        return new ArrayList<>(Submission.files(course));
    }

    /** Fails if any file of a reference solution stands in the edition, in its files or its history. */
    static void requireNoReference(Path course, Path edition) {
        String history = git(edition, "log", "-p", "--all");
        Path solutions = course.resolve("solutions");
        if (!Files.isDirectory(solutions)) {
            return;
        }
        try (Stream<Path> all = Files.walk(solutions)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                String reference = Files.readString(f, StandardCharsets.UTF_8);
                String body = reference.substring(Math.min(reference.length(), reference.indexOf("{") + 1)).strip();
                if (body.length() > 200 && history.contains(body.substring(0, 200))) {
                    throw new IllegalStateException("the reference " + course.relativize(f) + " is in the student edition's history");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String path : git(edition, "log", "--all", "--name-only", "--format=").split("\n")) {
            if (INSTRUCTORS_ONLY.contains(path.split("/", 2)[0])) {
                throw new IllegalStateException("the student edition's history holds " + path + ", which stays with the instructor");
            }
        }
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir + ": "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }
}
