package procbook.grading;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a lesson's sources with the JDK's compiler, in this JVM: what {@code ./procbook run} and the
 * grader both do instead of starting Maven. No annotation processing — sources must not run code while
 * they compile — and nothing compiled but the files given (no source path, no implicit classes).
 */
public final class LessonCompiler {
    private LessonCompiler() {
    }

    /**
     * Compiles every {@code .java} file below {@code sources} (symbolic links are not followed) into
     * {@code into}, emptied first so that no class outlives its source. Adds one line a compiler error
     * to {@code errors}: {@code /path/File.java:12: message}.
     *
     * @return whether it compiled
     */
    public static boolean compile(Path sources, Path into, String classPath, List<String> errors) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler: run ./procbook with a JDK, not a JRE");
        }
        List<Path> files;
        try {
            deleteTree(into);
            Files.createDirectories(into);
            if (!Files.isDirectory(sources)) {
                return true;
            }
            try (Stream<Path> all = Files.walk(sources)) {
                files = all.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return true;
        }
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(problems, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", into.toString(), "-cp", classPath, "--release", "17", "-encoding", "UTF-8", "-proc:none",
                    "-nowarn", "-implicit:none", "-sourcepath", "");
            boolean ok = javac.getTask(new StringWriter(), fm, problems, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            for (Diagnostic<? extends JavaFileObject> d : problems.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add((d.getSource() == null ? "" : Path.of(d.getSource().toUri()) + ":" + d.getLineNumber() + ": ")
                            + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it, without following symbolic links; nothing if it is not there. */
    /** Copies the files of {@code from} into {@code to}, keeping the tree's shape. */
    public static void copyTree(Path from, Path to) {
        Workspace.copyTree(from, to);
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
