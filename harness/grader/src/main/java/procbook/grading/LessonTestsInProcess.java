package procbook.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import procbook.testkit.Scenarios;

/**
 * Runs a compiled lesson's tests with the JUnit Platform Launcher in this JVM: the lesson's
 * scenarios are the only JVMs it starts. What {@code ./procbook run} does, and how the book draws its
 * figures from real runs. One lesson at a time: the settings it takes are system properties.
 */
public final class LessonTestsInProcess {
    private LessonTestsInProcess() {
    }

    /**
     * Runs the tests in {@code testClasses} of package {@code testPackage}, the lesson's own classes in
     * {@code classes} coming first on the scenarios' class path, with {@code settings} as system
     * properties for the time of the run (such as {@code TimelinePicture.FOLDER_PROPERTY}).
     */
    public static void run(Path classes, Path testClasses, String testPackage, Map<String, String> settings,
            TestExecutionListener... listeners) {
        Map<String, String> all = new HashMap<>(settings);
        // the scenarios are JVMs of their own: they find the lesson's classes first on their class path
        all.put(Scenarios.CLASSPATH_PREPEND_PROPERTY, classes.toString());
        Map<String, String> before = new HashMap<>();
        all.keySet().forEach(key -> before.put(key, System.getProperty(key)));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {testClasses.toUri().toURL(), classes.toUri().toURL()},
                LessonTestsInProcess.class.getClassLoader())) {
            all.forEach(System::setProperty);
            Thread.currentThread().setContextClassLoader(loader);
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(PackageNameFilter.includePackageNames(testPackage))
                    .build(), listeners);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
