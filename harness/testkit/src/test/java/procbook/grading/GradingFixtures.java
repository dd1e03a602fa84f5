package procbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test classes for the grading tests to run through a launcher of their own. Several fail on
 * purpose, so they run only when that launcher asks for them with {@link #RUN}; Surefire skips them.
 */
final class GradingFixtures {
    static final String RUN = "procbook.grading.fixture";

    private GradingFixtures() {
    }

    static final class OnlyWhenAsked implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by a grading test")
                    : ConditionEvaluationResult.disabled("a fixture of the grading tests, not a test itself");
        }
    }

    @ExtendWith(OnlyWhenAsked.class)
    @Points(3)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Mixed {
        @Test
        @Order(1)
        @DisplayName("passes, worth the class's 3 points")
        void passes() {
            assertThat(1 + 1).isEqualTo(2);
        }

        @Test
        @Order(2)
        @Points(5)
        void failsAnAssertion() {
            assertThat(1 + 1).as("one plus one").isEqualTo(3);
        }

        @Test
        @Order(3)
        void throwsSomethingElse() {
            throw new IllegalStateException("the child is gone");
        }

        @Test
        @Order(4)
        void assumesWrongly() {
            assumeTrue(false, "needs a POSIX system");
        }

        @Test
        @Order(5)
        @Disabled("until lesson 9")
        void disabled() {
        }

        @Test
        @Order(6)
        void sleeps() throws InterruptedException {
            Thread.sleep(60);
        }
    }

    @ExtendWith(OnlyWhenAsked.class)
    static class Unannotated {
        @Test
        void worthOne() {
        }

        @Nested
        @DisplayName("when nested")
        @Points(2)
        class Inner {
            @Test
            @DisplayName("counts the inner class's points")
            void inner() {
            }
        }
    }

    @ExtendWith(OnlyWhenAsked.class)
    static class Invocations {
        @ParameterizedTest(name = "exit code {0}")
        @ValueSource(ints = {0, 1, 2})
        @Points(4)
        void oneInvocationFails(int exitCode) {
            assertThat(exitCode).isNotEqualTo(1);
        }

        @TestFactory
        @Points(2)
        Stream<DynamicTest> allPass() {
            return Stream.of(dynamicTest("first", () -> { }), dynamicTest("second", () -> { }));
        }
    }

    @ExtendWith(OnlyWhenAsked.class)
    static class BrokenSetUp {
        @BeforeAll
        static void startTheChild() {
            throw new AssertionError("Not done yet: start the child in Parent.main");
        }

        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @ExtendWith(OnlyWhenAsked.class)
    static class BadPoints {
        @Test
        @Points(0)
        void worthNothing() {
        }
    }

    /** Looks at the grade file in the middle of the run, as a JVM dying right then would leave it. */
    @ExtendWith(OnlyWhenAsked.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Snapshot {
        static volatile Path file;
        static volatile LessonGrade seen;

        @Test
        @Order(1)
        void first() {
        }

        @Test
        @Order(2)
        void readsTheFile() {
            seen = GradeFile.read(file);
        }

        @Test
        @Order(3)
        @Points(7)
        void last() {
        }
    }
}
