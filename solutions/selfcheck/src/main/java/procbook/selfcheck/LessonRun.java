package procbook.selfcheck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import procbook.grading.GradeFile;
import procbook.grading.GradingListener;
import procbook.grading.LessonGrade;
import procbook.grading.TestResult;
import procbook.grading.TestStatus;

/**
 * Runs a lesson's compiled tests in this JVM against one variant of its main code (the stub, the
 * reference, a mutant), graded like a lesson module's own run.
 *
 * <p>The variant must be what the tests see both in this JVM and in the scenario processes they
 * start. In this JVM, the tests and the variant get a class loader of their own (this module's class
 * path has no lesson code, so nothing shadows them); the test kit puts
 * {@value #PREPEND} first on a scenario's class path, so the same classes run there.
 */
public final class LessonRun {
    /** The test kit's hook: {@code procbook.testkit.Scenarios.CLASSPATH_PREPEND_PROPERTY}. */
    public static final String PREPEND = "procbook.scenario.classpathPrepend";

    private LessonRun() {
    }

    /**
     * Runs every test class in {@code testClasses} with {@code variant} as the lesson's main code, and
     * returns the grade, also written to {@code gradeFile}. One run at a time: it sets a system property.
     *
     * @throws AssertionError if the tests are not compiled, or the run does not end within {@code limit}
     */
    public static synchronized LessonGrade run(String lesson, String edition, Path testClasses, Path variant,
                                               Path gradeFile, Duration limit) {
        requireDir(testClasses, "the compiled tests of " + lesson);
        requireDir(variant, "the compiled " + edition + " of " + lesson);
        try {
            Files.deleteIfExists(gradeFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old grade file " + gradeFile + ": " + e.getMessage(), e);
        }
        String before = System.getProperty(PREPEND);
        System.setProperty(PREPEND, variant + File.pathSeparator + testClasses);
        try (URLClassLoader loader = new URLClassLoader("selfcheck-" + lesson, urls(variant, testClasses),
                LessonRun.class.getClassLoader())) {
            execute(lesson, edition, testClasses, gradeFile, limit, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (before == null) {
                System.clearProperty(PREPEND);
            } else {
                System.setProperty(PREPEND, before);
            }
        }
        return GradeFile.read(gradeFile);
    }

    private static void execute(String lesson, String edition, Path testClasses, Path gradeFile, Duration limit,
                                ClassLoader loader) {
        AtomicReference<Throwable> crash = new AtomicReference<>();
        // A thread of its own: JUnit finds test classes through the context class loader, and a run
        // that hangs can be left behind instead of hanging the self-check.
        Thread worker = new Thread(() -> {
            try {
                Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .addTestExecutionListeners(GradingListener.writingTo(gradeFile, lesson, edition))
                        .build());
                LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClasspathRoots(Set.of(testClasses)))
                        .build();
                launcher.execute(request);
            } catch (Throwable t) {
                crash.set(t);
            }
        }, "selfcheck-" + lesson + "-" + edition.replace(' ', '-'));
        worker.setContextClassLoader(loader);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(limit.toMillis());
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(Duration.ofSeconds(30).toMillis());
                throw new AssertionError("the tests of " + lesson + " against the " + edition + " did not end within "
                        + limit.toSeconds() + " s; the grade file so far is " + gradeFile + describe(gradeFile));
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running the tests of " + lesson, e);
        }
        if (crash.get() != null) {
            throw new AssertionError("the JUnit launcher failed running the tests of " + lesson + " against the "
                    + edition + ": " + crash.get(), crash.get());
        }
        if (!Files.isRegularFile(gradeFile)) {
            throw new AssertionError("the tests of " + lesson + " against the " + edition + " ran, but left no grade file "
                    + gradeFile + ": did JUnit find no tests in " + testClasses + "?");
        }
    }

    private static String describe(Path gradeFile) {
        try {
            LessonGrade grade = GradeFile.read(gradeFile);
            return ": " + grade.testsNotRun() + " of " + grade.tests().size() + " tests had not finished: "
                    + grade.tests().stream().filter(t -> t.status() == TestStatus.NOT_RUN)
                            .map(TestResult::shortName).collect(Collectors.joining(", "));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static URL[] urls(Path... dirs) {
        List<URL> urls = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                urls.add(dir.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a folder URL: " + dir, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static void requireDir(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError(what + " should be in " + dir + ", which does not exist: build the project first"
                    + " (./mvnw verify builds the lessons and the solutions before the self-check)");
        }
    }
}
