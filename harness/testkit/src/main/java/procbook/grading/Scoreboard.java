package procbook.grading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The grading state of a test run: which graded tests there are and what became of each.
 *
 * <p>A graded test is a test, or a container with a method source (a parameterized test, a
 * repeated test, a test factory): those count once, as a whole, because the number of their
 * invocations is unknown until they run, and the points a lesson offers must be known up front.
 */
final class Scoreboard {
    static final String NOT_RUN_MESSAGE =
            "not run: the lesson's test JVM ended before this test finished — it hung or crashed";

    private final String lesson;
    private final String edition;
    private final String title;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private Instant startedAt;
    private boolean finished;
    private TestPlan plan;

    Scoreboard(String lesson, String edition, String title) {
        this.lesson = lesson;
        this.edition = edition;
        this.title = title;
    }

    /** A run can hold several plans (Surefire may run test classes one plan at a time): they add up. */
    void planStarted(TestPlan newPlan, Instant now) {
        plan = newPlan;
        finished = false;
        if (startedAt == null) {
            startedAt = now;
        }
        for (TestIdentifier root : newPlan.getRoots()) {
            register(root);
        }
    }

    void planFinished() {
        finished = true;
    }

    void started(TestIdentifier id, long nanos) {
        Unit unit = units.get(id.getUniqueId());
        if (unit != null) {
            unit.startNanos = nanos;
        }
    }

    void skipped(TestIdentifier id, String reason, long nanos) {
        String message = "skipped: " + (reason == null || reason.isBlank() ? "disabled" : reason);
        Unit unit = units.get(id.getUniqueId());
        if (unit != null) {
            unit.finish(TestStatus.ABORTED, message, nanos);
            return;
        }
        Optional<Unit> owner = owner(id);
        if (owner.isPresent()) {
            owner.get().child(TestStatus.ABORTED, message, id.getDisplayName());
            return;
        }
        finishUnfinishedUnder(id, TestStatus.ABORTED, message, nanos);
    }

    void finished(TestIdentifier id, TestExecutionResult result, long nanos) {
        TestStatus status = statusOf(result);
        String message = result.getThrowable().map(FailureMessage::of).orElse("");
        Unit unit = units.get(id.getUniqueId());
        if (unit != null) {
            unit.own(status, message);
            unit.finish(nanos);
            return;
        }
        Optional<Unit> owner = owner(id);
        if (owner.isPresent()) {
            owner.get().child(status, message, id.getDisplayName());
            return;
        }
        // A class or engine that failed before its tests ran (a failing @BeforeAll, say) reports
        // only itself: its tests did not hang, they could not start, and they fail for its reason.
        if (status != TestStatus.PASSED) {
            finishUnfinishedUnder(id, status, message, nanos);
        }
    }

    LessonGrade grade() {
        List<TestResult> tests = new ArrayList<>();
        for (Unit unit : units.values()) {
            tests.add(unit.result);
        }
        return new LessonGrade(lesson, edition, title, startedAt == null ? Instant.now() : startedAt, finished, tests);
    }

    private void register(TestIdentifier id) {
        if (isGraded(id)) {
            // a test planned again (a rerun) starts afresh: its latest run counts
            units.put(id.getUniqueId(), newUnit(id));
            return;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            register(child);
        }
    }

    private static boolean isGraded(TestIdentifier id) {
        return id.isTest() || id.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    private Unit newUnit(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        Optional<TestMember> member = TestMember.of(source);
        String testClass = member.map(TestMember::className).orElseGet(() -> enclosingClass(id));
        String name = member.map(TestMember::name).orElse("");
        String problem = "";
        int points;
        try {
            points = PointsResolver.pointsOf(source);
        } catch (IllegalArgumentException e) {
            points = PointsResolver.DEFAULT;
            problem = e.getMessage();
        }
        return new Unit(TestResult.notRun(testClass, name, displayName(id), points, NOT_RUN_MESSAGE), problem);
    }

    private String enclosingClass(TestIdentifier id) {
        for (TestIdentifier p = id; p != null; p = plan.getParent(p).orElse(null)) {
            Optional<TestSource> source = p.getSource();
            if (source.isPresent() && source.get() instanceof ClassSource type) {
                return type.getClassName();
            }
        }
        return "";
    }

    /** Its own name, after those of its {@code @Nested} classes: the top-level class is named elsewhere. */
    private String displayName(TestIdentifier id) {
        List<String> names = new ArrayList<>();
        names.add(id.getDisplayName());
        for (TestIdentifier p = plan.getParent(id).orElse(null); p != null; p = plan.getParent(p).orElse(null)) {
            names.add(0, p.getDisplayName());
        }
        // drop the engine and the top-level class
        return String.join(" > ", names.subList(Math.min(2, names.size() - 1), names.size()));
    }

    private Optional<Unit> owner(TestIdentifier id) {
        if (plan == null) {
            return Optional.empty();
        }
        for (TestIdentifier p = plan.getParent(id).orElse(null); p != null; p = plan.getParent(p).orElse(null)) {
            Unit unit = units.get(p.getUniqueId());
            if (unit != null) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    private void finishUnfinishedUnder(TestIdentifier container, TestStatus status, String message, long nanos) {
        String prefix = container.getUniqueId();
        for (Map.Entry<String, Unit> entry : units.entrySet()) {
            Unit unit = entry.getValue();
            if (!unit.done && isUnder(entry.getKey(), prefix)) {
                unit.own(status, message);
                unit.finish(nanos);
            }
        }
    }

    // Unique ids nest: a descendant's id is its ancestor's id followed by "/[...]" segments.
    private static boolean isUnder(String uniqueId, String containerId) {
        return uniqueId.startsWith(containerId + "/");
    }

    private static TestStatus statusOf(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> TestStatus.PASSED;
            case ABORTED -> TestStatus.ABORTED;
            case FAILED -> TestStatus.FAILED;
        };
    }

    /** One graded test while it runs: its own outcome and the worst of its invocations'. */
    private static final class Unit {
        private TestResult result;
        private final String problem;
        private TestStatus status = TestStatus.PASSED;
        private String message = "";
        private long startNanos = -1;
        private boolean done;

        Unit(TestResult result, String problem) {
            this.result = result;
            this.problem = problem;
        }

        void own(TestStatus ownStatus, String ownMessage) {
            if (worse(ownStatus)) {
                status = ownStatus;
                message = ownMessage;
            }
        }

        void child(TestStatus childStatus, String childMessage, String childName) {
            if (worse(childStatus)) {
                status = childStatus;
                message = childMessage + "\n(in " + childName + ")";
            }
        }

        void finish(TestStatus finalStatus, String finalMessage, long nanos) {
            own(finalStatus, finalMessage);
            finish(nanos);
        }

        void finish(long nanos) {
            if (done) {
                return;
            }
            done = true;
            long millis = startNanos < 0 ? 0 : Math.max(0, (nanos - startNanos) / 1_000_000);
            if (!problem.isEmpty()) {
                // a course author's mistake must not pass unnoticed, even when the test itself passes
                result = result.finished(TestStatus.FAILED, problem, millis);
            } else {
                result = result.finished(status, status == TestStatus.PASSED ? "" : message, millis);
            }
        }

        private boolean worse(TestStatus candidate) {
            return rank(candidate) > rank(status);
        }

        private static int rank(TestStatus s) {
            return switch (s) {
                case PASSED -> 0;
                case ABORTED -> 1;
                case FAILED -> 2;
                case NOT_RUN -> 3;
            };
        }
    }
}
