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
    static final String CLASS_PATH_FILE = "target/grading-test-classpath.txt";

    private CourseBuild() {
    }

    /**
     * Compiles the named lessons (every lesson when none is named) of the workspace; the compiler's
     * errors go to {@code log}, one {@code [ERROR] path:line: message} a line.
     */
    static void run(Path workspace, Path log, List<String> lessons) {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler: run the grader with a JDK, not a JRE");
        }
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
            boolean ok = compile(javac, lesson.resolve("src/main/java"), classes, harness, logLines)
                    && copyResources(lesson.resolve("src/main/resources"), classes)
                    && compile(javac, lesson.resolve("src/test/java"), testClasses, classes + java.io.File.pathSeparator + harness, logLines)
                    && copyResources(lesson.resolve("src/test/resources"), testClasses);
            logLines.add("[INFO] " + lesson.getFileName() + (ok ? ": compiled" : ": did not compile"));
            try {
                Files.createDirectories(lesson.resolve("target"));
                Files.writeString(lesson.resolve(CLASS_PATH_FILE), "", StandardCharsets.UTF_8); // the harness comes from the grader's class path
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write in " + lesson + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.write(log, logLines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build log " + log + ": " + e.getMessage(), e);
        }
    }

    private static boolean compile(javax.tools.JavaCompiler javac, Path sources, Path into, String classPath, List<String> log) {
        List<Path> files;
        try {
            deleteTree(into); // a class whose source is gone must not linger
            Files.createDirectories(into);
            if (!Files.isDirectory(sources)) {
                return true;
            }
            try (Stream<Path> all = Files.walk(sources)) {
                files = all.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + into + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return true;
        }
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> problems = new javax.tools.DiagnosticCollector<>();
        try (javax.tools.StandardJavaFileManager fm = javac.getStandardFileManager(problems, java.util.Locale.ROOT, StandardCharsets.UTF_8)) {
            // no annotation processing: a submission's sources must not run code while they compile
            List<String> options = List.of("-d", into.toString(), "-cp", classPath, "--release", "17", "-encoding", "UTF-8", "-proc:none",
                    "-nowarn", "-implicit:none", "-sourcepath", "");
            boolean ok = javac.getTask(new java.io.StringWriter(), fm, problems, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            for (javax.tools.Diagnostic<? extends javax.tools.JavaFileObject> d : problems.getDiagnostics()) {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                    log.add("[ERROR] " + (d.getSource() == null ? "" : Path.of(d.getSource().toUri()) + ":" + d.getLineNumber() + ": ")
                            + d.getMessage(java.util.Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean copyResources(Path from, Path into) {
        if (!Files.isDirectory(from)) {
            return true;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.filter(x -> Files.isRegularFile(x, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                Path to = into.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the resources of " + from + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
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
