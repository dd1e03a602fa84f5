package procbook.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a lesson's test JVM under the grader: runs the lesson's tests with the JUnit
 * Platform Launcher and sends each new state of the lesson's grade to the grader as a signed line on
 * standard output. Everything the tests print goes to standard error, which the grader keeps as the
 * lesson's log. No listener is loaded from the class path: only this one counts.
 *
 * <p>Arguments: {@code <lesson id> <test classes folder> <package> [title]}: the tests of that package
 * in that folder; the key comes on standard input.
 */
public final class LessonRunner {
    private LessonRunner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: LessonRunner <lesson id> <test classes folder> <package> [title]  (the key on standard input)");
            System.exit(2);
        }
        String key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (key == null || key.isBlank()) {
            System.err.println("LessonRunner: no key on standard input: it is started by the grader, not by hand");
            System.exit(2);
        }
        PrintStream results = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));

        long[] seq = {0};
        GradingListener listener = GradingListener.reportingTo(grade -> {
            synchronized (seq) {
                results.println(SignedLine.sign(key, seq[0]++, Json.write(GradeJson.toTree(grade))));
            }
        }, args[0], "student", args.length > 3 ? args[3] : "");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(Path.of(args[1]))))
                .filters(PackageNameFilter.includePackageNames(args[2]))
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        launcher.execute(request, listener);
        results.flush();
        System.exit(0);
    }
}
