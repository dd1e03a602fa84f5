package procbook.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs fixture classes through a launcher of its own, graded into a file, and reads the grade back. */
final class GradedRun {
    private GradedRun() {
    }

    static LessonGrade of(Path gradeFile, Class<?>... testClasses) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(GradingListener.writingTo(gradeFile, "99-fixture", "student"))
                .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(testClasses).map(c -> selectClass(c)).toArray(ClassSelector[]::new))
                .configurationParameter(GradingFixtures.RUN, "true")
                .build());
        return GradeFile.read(gradeFile);
    }
}
