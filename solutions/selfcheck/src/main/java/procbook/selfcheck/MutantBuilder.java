package procbook.selfcheck;

import procbook.grading.Mutant;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a mutant: a copy of the reference's sources with the mutant applied, compiled against the
 * class path of this JVM (which has mp, all a lesson's main code may use).
 */
public final class MutantBuilder {
    private MutantBuilder() {
    }

    /**
     * Builds {@code mutant} of {@code lesson} in {@code dir} ({@code dir/src}, {@code dir/classes}),
     * emptied first, and returns the classes folder.
     */
    public static Path build(LessonPair lesson, Mutant mutant, Path dir) {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        try {
            deleteTree(dir);
            copyTree(lesson.referenceSources(), src);
            Path file = src.resolve(mutant.path());
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("mutant " + mutant.name() + " no longer applies: there is no file "
                        + mutant.path() + " in solutions/" + lesson.id() + "/src/main/java; fix solutions/"
                        + lesson.id() + "/" + Mutant.FILE_NAME + " line " + mutant.line());
            }
            Files.writeString(file, mutant.applyTo(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            if (Files.isDirectory(lesson.referenceResources())) {
                copyTree(lesson.referenceResources(), classes);
            }
            compile(src, classes, List.of(), "mutant '" + mutant.name() + "' of " + lesson.id() + " (" + mutant.change() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build mutant '" + mutant.name() + "' of " + lesson.id() + " in " + dir
                    + ": " + e.getMessage(), e);
        }
        return classes;
    }

    /**
     * Builds {@code program} from {@code lesson}'s reference in {@code dir}, emptied first: the same
     * classes, every {@code main} doing nothing of the lesson's work. Returns the classes folder.
     */
    public static Path build(LessonPair lesson, VacuousProgram program, Path dir) {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        try {
            deleteTree(dir);
            copyTree(lesson.referenceSources(), src);
            boolean replaced = false;
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    if (VacuousProgram.hasMain(source)) {
                        Files.writeString(file, program.applyTo(source), StandardCharsets.UTF_8);
                        replaced = true;
                    }
                }
            }
            if (!replaced) {
                throw new AssertionError("solutions/" + lesson.id() + " has no `static void main(String[] args)`: the"
                        + " self-check cannot make " + program.description() + " of it");
            }
            if (Files.isDirectory(lesson.referenceResources())) {
                copyTree(lesson.referenceResources(), classes);
            }
            compile(src, classes, List.of(), program.description() + " in " + lesson.id());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + program.description() + " of " + lesson.id() + " in " + dir
                    + ": " + e.getMessage(), e);
        }
        return classes;
    }

    /**
     * Compiles every .java file under {@code src} into {@code classes}, against this JVM's class path
     * after {@code classPath}; fails with javac's errors.
     */
    public static void compile(Path src, Path classes, List<Path> classPath, String what) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": the self-check needs a JDK, not a JRE");
        }
        List<File> sources;
        try (Stream<Path> files = Files.walk(src)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of(
                    "-d", classes.toString(),
                    "-classpath", classPath(classPath),
                    "--release", "17",
                    "-proc:none",
                    "-encoding", "UTF-8"));
            ok = javac.getTask(output, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
        }
        if (!ok) {
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String source = d.getSource() == null ? "" : src.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": ";
                    errors.append("\n  ").append(source).append(d.getMessage(null));
                }
            }
            throw new AssertionError(what + " does not compile, so it proves nothing about the tests; make it a"
                    + " wrong solution that compiles:" + errors + output);
        }
    }

    private static String classPath(List<Path> first) {
        List<String> entries = new ArrayList<>();
        first.forEach(p -> entries.add(p.toString()));
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
