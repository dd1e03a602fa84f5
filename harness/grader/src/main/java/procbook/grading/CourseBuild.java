package procbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles the whole workspace — harness, every lesson's stub and tests — before any scenario runs,
 * and writes down each lesson's test class path. A lesson that does not compile does not stop the
 * others: its test classes are simply missing, and the report says so with the compiler's words.
 */
final class CourseBuild {
    static final String CLASS_PATH_FILE = "target/grading-test-classpath.txt";

    private CourseBuild() {
    }

    /**
     * Runs the build — of the named lessons and what they need, or of everything when none is named; its
     * output goes to {@code log}. Throws if the course itself cannot be built.
     */
    static void run(Path workspace, Path log, List<String> lessons) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<String> cmd = new ArrayList<>(List.of(workspace.resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                "-B", "--no-transfer-progress", "-Dgrade", "-DskipTests", "-Dmaven.javadoc.skip",
                "test-compile", "dependency:build-classpath",
                "-Dmdep.outputFile=" + CLASS_PATH_FILE, "-Dmdep.includeScope=test"));
        if (!lessons.isEmpty()) {
            cmd.addAll(List.of("-pl", String.join(",", lessons.stream().map(l -> "lessons/" + l).toList()), "-am"));
        }
        try {
            java.lang.Process p = new ProcessBuilder(cmd).directory(workspace.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("building the course took more than 20 minutes; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("the course did not build (exit code " + p.exitValue() + "): see " + log
                        + " — the failure is in the course, not in a lesson's stub");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Maven in " + workspace + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the course", e);
        }
    }

    /** The lesson's compiled tests, if it compiled. */
    static Optional<Path> testClasses(Path lessonDir) {
        Path dir = lessonDir.resolve("target/test-classes");
        Path main = lessonDir.resolve("target/classes");
        return hasClasses(dir) && hasClasses(main) ? Optional.of(dir) : Optional.empty();
    }

    /** The lesson's whole test class path: its tests, its classes, then its dependencies. */
    static String classPath(Path lessonDir) {
        try {
            String deps = Files.readString(lessonDir.resolve(CLASS_PATH_FILE), StandardCharsets.UTF_8).strip();
            return lessonDir.resolve("target/test-classes") + java.io.File.pathSeparator + lessonDir.resolve("target/classes")
                    + (deps.isEmpty() ? "" : java.io.File.pathSeparator + deps);
        } catch (IOException e) {
            throw new UncheckedIOException("the build wrote no class path for " + lessonDir.getFileName() + ": " + e.getMessage(), e);
        }
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
